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
    expect(text).toContain('"marginBalance": "314151411.06482935000001"');
    const body = JSON.parse(text) as { pools: { assets: { marginBalance: unknown }[] }[] };
    expect(body.pools[0]?.assets[0]?.marginBalance).toBe('314151411.06482935000001');
  });

  it('names pools as on screen, keeps non-ASCII symbols and times in ISO 8601 UTC', () => {
    const body: unknown = JSON.parse(snapshotJson({ data: pools, demo: true, fetchedAt: t }));
    expect(body).toEqual({
      source: 'demo',
      snapshotTime: '2026-11-21T04:30:00.000Z',
      pools: [
        {
          key: '哈基米USDT,币安人生USDT',
          name: '哈基米 · 币安人生',
          symbols: ['币安人生USDT', '哈基米USDT'],
          assets: [
            {
              asset: 'USDT',
              marginBalance: '314151411.06482935000001',
              updateTime: '2026-11-21T04:30:00.000Z',
              updateTimeMs: t,
            },
          ],
        },
      ],
    });
  });
});
