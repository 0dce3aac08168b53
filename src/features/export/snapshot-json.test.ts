import { describe, expect, it } from 'vitest';
import type { Pool } from '../../core/pool-schema';
import { snapshotJson } from './snapshot-json';

const t = Date.UTC(2026, 10, 21, 4, 30, 0);
const pools: Pool[] = [
  {
    symbols: ['币安人生USDT', '哈基米USDT'],
    assets: [{ asset: 'USDT', marginBalance: '314151411.06482935000001', updateTime: t }],
  },
];

describe('snapshotJson', () => {
  it('keeps every balance as the exact string, never a number', () => {
    const text = snapshotJson({ data: pools, demo: false, fetchedAt: t + 2000 });
    expect(text).toContain('"balance": "314151411.06482935000001"');
    const body = JSON.parse(text) as { rows: { balance: unknown }[] };
    expect(body.rows[0]?.balance).toBe('314151411.06482935000001');
  });

  it('writes the rows of the CSV, pools named as on screen, non-ASCII symbols, ISO 8601 UTC', () => {
    const body: unknown = JSON.parse(snapshotJson({ data: pools, demo: true, fetchedAt: t }));
    expect(body).toEqual({
      source: 'demo',
      snapshotTime: '2026-11-21T04:30:00.000Z',
      rows: [
        {
          observedAt: '2026-11-21T04:30:00.000Z',
          observedAtMs: t,
          poolKey: '哈基米USDT,币安人生USDT',
          pool: '哈基米 · 币安人生',
          symbolCount: 2,
          symbols: ['币安人生USDT', '哈基米USDT'],
          asset: 'USDT',
          balance: '314151411.06482935000001',
          updateTime: '2026-11-21T04:30:00.000Z',
          updateTimeMs: t,
          usdIndex: null,
          usdValue: null,
        },
      ],
    });
  });

  it('with the ADL ratings, gives each row its pool’s members by rating and the file the ratings', () => {
    const ratings = new Map([
      ['哈基米USDT', { symbol: '哈基米USDT', level: 'high' as const, updateTime: t }],
    ]);
    const body = JSON.parse(
      snapshotJson({ data: pools, demo: false, fetchedAt: t }, { ratings }),
    ) as { rows: Record<string, unknown>[]; adlRatings: unknown };
    expect(body.rows[0]).toMatchObject({
      adlHigh: 1,
      adlMedium: 0,
      adlLow: 0,
      adlUnrated: 1,
      adlHighSymbols: ['哈基米USDT'],
    });
    expect(body.adlRatings).toEqual([{ symbol: '哈基米USDT', adlRisk: 'high', updateTime: t }]);
    const plain = JSON.parse(snapshotJson({ data: pools, demo: false, fetchedAt: t })) as {
      rows: Record<string, unknown>[];
    };
    expect(plain.rows[0]).not.toHaveProperty('adlHigh');
    expect(plain).not.toHaveProperty('adlRatings');
  });
});
