import { describe, expect, it } from 'vitest';
import { EXPORT_COLUMNS } from '../../core/export-row';
import type { MomentAnswer } from '../../core/moment';
import { readCsv } from '../../test/read-csv';
import { momentExport } from './moment-files';

const at = Date.UTC(2026, 11, 1, 21);
const moment: MomentAnswer = {
  at,
  observedAt: at - 30_000,
  answer: [
    {
      symbols: ['ETHUSDT', 'BTCUSDT'],
      assets: [{ asset: 'USDT', marginBalance: '793930579.315848000', updateTime: at - 31_000 }],
    },
  ],
  index: [{ symbol: 'USDTUSD', index: '0.99980000', time: at - 40_000 }],
  gap: true,
};

describe('the files of a past moment', () => {
  it('hold the balances recorded then, exactly, named with the moment', () => {
    const csv = momentExport(moment, 'csv', false);
    expect(csv.name).toBe('insurance-fund-as-of-2026-12-01T21-00-00Z.csv');
    const rows = readCsv(csv.text.replace(/^\uFEFF/, ''));
    expect(rows[1]).toContain('793930579.315848000');
    expect(rows[1]).toContain('BTCUSDT,ETHUSDT');
    // The one export row: when it was recorded, and its dollar value by the index recorded then.
    expect(rows[0]).toEqual([...EXPORT_COLUMNS]);
    expect(rows[1]![0]).toBe('2026-12-01T20:59:30.000Z');
    // 793930579.315848 × 0.9998 = 793771793.1999848…, to the cent.
    expect(rows[1]!.slice(-2)).toEqual(['0.99980000', '793771793.20']);
  });

  it('say in JSON which moment was asked, which recording answered, and the index used', () => {
    const json = momentExport(moment, 'json', true);
    expect(json.name).toBe('insurance-fund-demo-as-of-2026-12-01T21-00-00Z.json');
    const body = JSON.parse(json.text) as Record<string, unknown>;
    expect(body).toMatchObject({
      asOf: '2026-12-01T21:00:00.000Z',
      recordedAt: '2026-12-01T20:59:30.000Z',
      gap: true,
      source: 'demo',
      rows: [{ asset: 'USDT', balance: '793930579.315848000', usdIndex: '0.99980000' }],
      index: [{ symbol: 'USDTUSD', index: '0.99980000', timeMs: at - 40_000 }],
    });
  });
});
