import { describe, expect, it } from 'vitest';
import type { Pool } from '../../core/pool-schema';
import { sumDecimals } from '../../core/decimal';
import { totalsByAsset } from '../../core/pools';
import { BOM, csvField, snapshotCsv, symbolsCsv, textField } from './snapshot-csv';
import { readCsv } from '../../test/read-csv';

const t = Date.UTC(2026, 10, 21, 4, 30, 0);
const majors: Pool = {
  symbols: ['ETHUSDT', 'BTCUSDT', 'BNBUSDT'],
  assets: [
    { asset: 'USDT', marginBalance: '793930579.315848', updateTime: t },
    { asset: 'USDC', marginBalance: '299999998.6497832', updateTime: t - 1000 },
  ],
};
const unicode: Pool = {
  symbols: ['币安人生USDT', '哈基米USDT'],
  assets: [{ asset: 'USDT', marginBalance: '314151411.06482935000001', updateTime: t }],
};

const seen = t + 2000;
const allRowsOf = (csv: string) => readCsv(csv.slice(1)).slice(1);
/** The columns from `pool_key` to `update_time`. */
const rowsOf = (csv: string) => allRowsOf(csv).map((r) => r.slice(2, 9));

describe('snapshotCsv', () => {
  it('starts with a UTF-8 byte order mark and a header, and ends lines with CRLF', () => {
    const csv = snapshotCsv([majors], seen);
    expect(
      csv.startsWith(
        `${BOM}observed_at,observed_at_ms,pool_key,pool,symbol_count,symbols,asset,balance,update_time,update_time_ms,usd_index,usd_value\r\n`,
      ),
    ).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.replaceAll('\r\n', '')).not.toMatch(/[\r\n]/);
  });

  it('writes one row per pool and asset, the members in one quoted column, times in ISO 8601 UTC', () => {
    const csv = snapshotCsv([majors, unicode], seen);
    expect(csv).toContain('"ETHUSDT BTCUSDT BNBUSDT"');
    expect(rowsOf(csv)).toEqual([
      [
        'BNBUSDT,BTCUSDT,ETHUSDT',
        'BTC · ETH · BNB',
        '3',
        'ETHUSDT BTCUSDT BNBUSDT',
        'USDT',
        '793930579.315848',
        '2026-11-21T04:30:00.000Z',
      ],
      [
        'BNBUSDT,BTCUSDT,ETHUSDT',
        'BTC · ETH · BNB',
        '3',
        'ETHUSDT BTCUSDT BNBUSDT',
        'USDC',
        '299999998.6497832',
        '2026-11-21T04:29:59.000Z',
      ],
      [
        '哈基米USDT,币安人生USDT',
        '哈基米 · 币安人生',
        '2',
        '币安人生USDT 哈基米USDT',
        'USDT',
        '314151411.06482935000001',
        '2026-11-21T04:30:00.000Z',
      ],
    ]);
  });

  it('says when the answer was had, the times in ms beside, and no dollars without an index', () => {
    const [row] = allRowsOf(snapshotCsv([unicode], seen));
    expect([...row!.slice(0, 2), ...row!.slice(9)]).toEqual([
      '2026-11-21T04:30:02.000Z',
      String(seen),
      String(t),
      '',
      '',
    ]);
  });

  it('sums by asset to the true totals: no balance is repeated on a row per symbol', () => {
    const rows = rowsOf(snapshotCsv([majors, unicode], seen));
    for (const [asset, total] of totalsByAsset([majors, unicode]))
      expect(sumDecimals(rows.filter((r) => r[4] === asset).map((r) => r[5]!))).toBe(total);
  });

  it('keys a pool the same whatever order the exchange lists its members in', () => {
    const reordered = { ...majors, symbols: ['BNBUSDT', 'ETHUSDT', 'BTCUSDT'] };
    expect(rowsOf(snapshotCsv([reordered], seen))[0]![0]).toBe(
      rowsOf(snapshotCsv([majors], seen))[0]![0],
    );
  });

  it('quotes fields holding commas, quotes and line breaks so they read back unchanged', () => {
    const odd: Pool = {
      symbols: ['A,B', 'say "hi"', 'two\nlines'],
      assets: [{ asset: 'USDT', marginBalance: '1.5', updateTime: t }],
    };
    const rows = allRowsOf(snapshotCsv([odd], seen));
    expect(rows[0]![5]).toBe('A,B say "hi" two\nlines');
    expect(rows.every((r) => r.length === 12)).toBe(true);
  });

  it('defuses members that a spreadsheet would run as a formula', () => {
    const hostile: Pool = {
      symbols: ['=HYPERLINK("x")', 'BTCUSDT'],
      assets: [{ asset: 'USDT', marginBalance: '1', updateTime: t }],
    };
    const [row] = rowsOf(snapshotCsv([hostile], seen));
    expect(row![3]).toBe('\'=HYPERLINK("x") BTCUSDT');
  });
});

describe('symbolsCsv', () => {
  it('lists which pool covers each symbol, one row per symbol, with no balance at all', () => {
    const csv = symbolsCsv([majors, unicode]);
    expect(csv.startsWith(`${BOM}symbol,pool_key,pool\r\n`)).toBe(true);
    expect(allRowsOf(csv)).toEqual([
      ['ETHUSDT', 'BNBUSDT,BTCUSDT,ETHUSDT', 'BTC · ETH · BNB'],
      ['BTCUSDT', 'BNBUSDT,BTCUSDT,ETHUSDT', 'BTC · ETH · BNB'],
      ['BNBUSDT', 'BNBUSDT,BTCUSDT,ETHUSDT', 'BTC · ETH · BNB'],
      ['币安人生USDT', '哈基米USDT,币安人生USDT', '哈基米 · 币安人生'],
      ['哈基米USDT', '哈基米USDT,币安人生USDT', '哈基米 · 币安人生'],
    ]);
    expect(csv).not.toContain('793930579');
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

describe('snapshotCsv with the ADL risk ratings', () => {
  it('adds each pool’s members by rating and names those rated high', () => {
    const ratings = new Map([
      ['BTCUSDT', { symbol: 'BTCUSDT', level: 'high' as const, updateTime: t }],
      ['ETHUSDT', { symbol: 'ETHUSDT', level: 'low' as const, updateTime: t }],
    ]);
    const csv = snapshotCsv([majors], seen, { ratings });
    expect(csv.split('\r\n')[0]).toBe(
      `${BOM}observed_at,observed_at_ms,pool_key,pool,symbol_count,symbols,asset,balance,update_time,update_time_ms,usd_index,usd_value,adl_high,adl_medium,adl_low,adl_unrated,adl_high_symbols`,
    );
    const rows = allRowsOf(csv);
    expect(rows).toHaveLength(2);
    for (const row of rows) expect(row.slice(-5)).toEqual(['1', '0', '1', '1', 'BTCUSDT']);
    // Without ratings at hand the file has no ADL columns at all.
    expect(snapshotCsv([majors], seen).split('\r\n')[0]).not.toContain('adl_');
  });
});
