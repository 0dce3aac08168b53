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

const rowsOf = (csv: string) => readCsv(csv.slice(1)).slice(1);

describe('snapshotCsv', () => {
  it('starts with a UTF-8 byte order mark and a header, and ends lines with CRLF', () => {
    const csv = snapshotCsv([majors]);
    expect(
      csv.startsWith(`${BOM}pool_key,pool,symbol_count,symbols,asset,balance,update_time\r\n`),
    ).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.replaceAll('\r\n', '')).not.toMatch(/[\r\n]/);
  });

  it('writes one row per pool and asset, the members in one quoted column, times in ISO 8601 UTC', () => {
    const csv = snapshotCsv([majors, unicode]);
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

  it('sums by asset to the true totals: no balance is repeated on a row per symbol', () => {
    const rows = rowsOf(snapshotCsv([majors, unicode]));
    for (const [asset, total] of totalsByAsset([majors, unicode]))
      expect(sumDecimals(rows.filter((r) => r[4] === asset).map((r) => r[5]!))).toBe(total);
  });

  it('keys a pool the same whatever order the exchange lists its members in', () => {
    const reordered = { ...majors, symbols: ['BNBUSDT', 'ETHUSDT', 'BTCUSDT'] };
    expect(rowsOf(snapshotCsv([reordered]))[0]![0]).toBe(rowsOf(snapshotCsv([majors]))[0]![0]);
  });

  it('quotes fields holding commas, quotes and line breaks so they read back unchanged', () => {
    const odd: Pool = {
      symbols: ['A,B', 'say "hi"', 'two\nlines'],
      assets: [{ asset: 'USDT', marginBalance: '1.5', updateTime: t }],
    };
    const rows = rowsOf(snapshotCsv([odd]));
    expect(rows[0]![3]).toBe('A,B say "hi" two\nlines');
    expect(rows.every((r) => r.length === 7)).toBe(true);
  });

  it('defuses members that a spreadsheet would run as a formula', () => {
    const hostile: Pool = {
      symbols: ['=HYPERLINK("x")', 'BTCUSDT'],
      assets: [{ asset: 'USDT', marginBalance: '1', updateTime: t }],
    };
    const [row] = rowsOf(snapshotCsv([hostile]));
    expect(row![3]).toBe('\'=HYPERLINK("x") BTCUSDT');
  });
});

describe('symbolsCsv', () => {
  it('lists which pool covers each symbol, one row per symbol, with no balance at all', () => {
    const csv = symbolsCsv([majors, unicode]);
    expect(csv.startsWith(`${BOM}symbol,pool_key,pool\r\n`)).toBe(true);
    expect(rowsOf(csv)).toEqual([
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
    const csv = snapshotCsv([majors], ratings);
    expect(csv.split('\r\n')[0]).toBe(
      `${BOM}pool_key,pool,symbol_count,symbols,asset,balance,update_time,adl_high,adl_medium,adl_low,adl_unrated,adl_high_symbols`,
    );
    for (const row of rowsOf(csv)) expect(row.slice(-5)).toEqual(['1', '0', '1', '1', 'BTCUSDT']);
  });
});
