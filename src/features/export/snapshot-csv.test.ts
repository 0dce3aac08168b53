import { describe, expect, it } from 'vitest';
import type { Pool } from '../../core/pool-schema';
import { BOM, csvField, snapshotCsv, textField } from './snapshot-csv';
import { readCsv } from '../../test/read-csv';

const t = Date.UTC(2026, 10, 21, 4, 30, 0);
const majors: Pool = {
  symbols: ['BTCUSDT', 'ETHUSDT'],
  assets: [
    { asset: 'USDT', marginBalance: '793930579.315848', updateTime: t },
    { asset: 'USDC', marginBalance: '299999998.6497832', updateTime: t - 1000 },
  ],
};
const unicode: Pool = {
  symbols: ['币安人生USDT'],
  assets: [{ asset: 'USDT', marginBalance: '314151411.06482935000001', updateTime: t }],
};

describe('snapshotCsv', () => {
  it('starts with a UTF-8 byte order mark and a header, and ends lines with CRLF', () => {
    const csv = snapshotCsv([majors]);
    expect(csv.startsWith(`${BOM}pool,symbol,asset,balance,update_time\r\n`)).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.replaceAll('\r\n', '')).not.toMatch(/[\r\n]/);
  });

  it('writes one row per symbol and asset with the exact balance and an ISO 8601 UTC time', () => {
    const rows = readCsv(snapshotCsv([majors, unicode]).slice(1)).slice(1);
    expect(rows).toEqual([
      ['BTC · ETH', 'BTCUSDT', 'USDT', '793930579.315848', '2026-11-21T04:30:00.000Z'],
      ['BTC · ETH', 'BTCUSDT', 'USDC', '299999998.6497832', '2026-11-21T04:29:59.000Z'],
      ['BTC · ETH', 'ETHUSDT', 'USDT', '793930579.315848', '2026-11-21T04:30:00.000Z'],
      ['BTC · ETH', 'ETHUSDT', 'USDC', '299999998.6497832', '2026-11-21T04:29:59.000Z'],
      ['币安人生', '币安人生USDT', 'USDT', '314151411.06482935000001', '2026-11-21T04:30:00.000Z'],
    ]);
  });

  it('quotes fields holding commas, quotes and line breaks so they read back unchanged', () => {
    const odd: Pool = {
      symbols: ['A,B', 'say "hi"', 'two\nlines'],
      assets: [{ asset: 'USDT', marginBalance: '1.5', updateTime: t }],
    };
    const csv = snapshotCsv([odd]);
    expect(csv).toContain('"say ""hi"""');
    const rows = readCsv(csv.slice(1)).slice(1);
    expect(rows.map((r) => r[1])).toEqual(['A,B', 'say "hi"', 'two\nlines']);
    expect(rows.every((r) => r.length === 5)).toBe(true);
  });

  it('keeps the balance of a pool listed without symbols', () => {
    const bare: Pool = {
      symbols: [],
      assets: [{ asset: 'BTC', marginBalance: '0', updateTime: t }],
    };
    expect(readCsv(snapshotCsv([bare]).slice(1))[1]).toEqual([
      '',
      '',
      'BTC',
      '0',
      '2026-11-21T04:30:00.000Z',
    ]);
  });
});

describe('csvField and textField', () => {
  it('leaves plain fields alone', () => {
    expect(csvField('793930579.315848')).toBe('793930579.315848');
    expect(textField('哈基米USDT')).toBe('哈基米USDT');
  });

  it('defuses text a spreadsheet would run as a formula, but not a negative balance', () => {
    expect(textField('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
    expect(textField('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvField('-12.5')).toBe('-12.5');
  });
});
