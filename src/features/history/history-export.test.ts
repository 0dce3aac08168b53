import { describe, expect, it } from 'vitest';
import { sumDecimals } from '../../core/decimal';
import { BOM } from '../../core/csv';
import { EXPORT_ADL_COLUMNS, EXPORT_COLUMNS } from '../../core/export-row';
import { readCsv } from '../../test/read-csv';
import { buildHistoryFile, historyFileName } from './history-export';
import { answer, at } from './test-answer';

const csvRows = (text: string) => readCsv(text.slice(1));
/** A row's cells by column name. */
const named = (header: string[], row: string[]) =>
  Object.fromEntries(header.map((name, i) => [name, row[i]]));

describe('the history as CSV', () => {
  const file = buildHistoryFile(answer, '7d', 'csv', false);
  const [header, ...rows] = csvRows(file.text);

  it('is UTF-8 with a byte order mark, RFC 4180 with CRLF line ends', () => {
    expect(file.text.startsWith(BOM)).toBe(true);
    expect(file.text.endsWith('\r\n')).toBe(true);
    expect(file.text.replaceAll('\r\n', '')).not.toMatch(/[\r\n]/);
    expect(file.type).toBe('text/csv;charset=utf-8');
  });

  it('has one row per point and asset by time, exact balances, ISO 8601 UTC times', () => {
    expect(header).toEqual([...EXPORT_COLUMNS]);
    expect(rows).toHaveLength(8);
    const cells = rows.map((r) => named(header!, r));
    expect(cells.map((r) => [r.update_time, r.asset, r.balance])).toEqual([
      [new Date(at(0)).toISOString(), 'USDT', '300.5'],
      [new Date(at(10)).toISOString(), 'USDT', '310.25'],
      [new Date(at(35)).toISOString(), 'USDT', '305'],
      [new Date(at(45)).toISOString(), 'USDT', '307'],
      [new Date(at(52)).toISOString(), 'USDT', '38.1'],
      [new Date(at(54)).toISOString(), 'USDC', '1.5'],
      [new Date(at(80)).toISOString(), 'USDT', '37.9'],
      [new Date(at(90)).toISOString(), 'USDC', '1.75'],
    ]);
    // The history holds the exchange's times alone: when each balance was received is not known.
    expect(cells.every((r) => r.observed_at === '' && r.observed_at_ms === '')).toBe(true);
  });

  it('names the pool that covered the symbol at each point, so a regrouping reads as one', () => {
    const [before, after] = [rows[3]!, rows[4]!].map((r) => named(header!, r));
    expect([before!.pool_key, before!.pool]).toEqual(['ADAUSDT,LINKUSDT', 'ADA · LINK']);
    expect(after!.pool_key).toBe('1000PEPEUSDT,BONKUSDT,LINKUSDT');
  });

  it('gives the dollar index and value where recorded, and leaves them empty where not', () => {
    const value = (r: string[]) => [named(header!, r).usd_index, named(header!, r).usd_value];
    expect(value(rows[6]!)).toEqual(['0.999', '37.86']);
    // USDC has no index recorded before minute 55
    expect(value(rows[5]!)).toEqual(['', '']);
    const usdt = rows.map((r) => named(header!, r)).filter((r) => r.asset === 'USDT');
    expect(sumDecimals(usdt.map((r) => r.balance!))).toBe('1298.75');
  });

  it('defuses a hostile pool member a spreadsheet would run as a formula', () => {
    const hostile = {
      ...answer,
      pools: [{ from: at(0), to: null, symbols: ['=HYPERLINK("x")', 'LINKUSDT'] }],
    };
    const [head, first] = csvRows(buildHistoryFile(hostile, '7d', 'csv', false).text);
    expect(named(head!, first!).pool_key).toBe('\'=HYPERLINK("x"),LINKUSDT');
  });
});

describe('the history as JSON', () => {
  const file = buildHistoryFile(answer, '30d', 'json', true);
  const body = JSON.parse(file.text) as {
    source: string;
    symbol: string;
    range: string;
    coverage: { from: string; to: string }[];
    pools: { key: string; from: string; to: string | null }[];
    rows: Record<string, unknown>[];
    value: { unvalued: string[]; points: { usd: string }[] };
  };

  it('keeps every balance as its exact string, with ISO 8601 UTC times and the ms beside', () => {
    expect(body.source).toBe('demo');
    expect(body).toMatchObject({ symbol: 'LINKUSDT', range: '30d' });
    expect(body.rows[1]).toEqual({
      observedAt: null,
      observedAtMs: null,
      poolKey: 'ADAUSDT,LINKUSDT',
      pool: 'ADA · LINK',
      symbolCount: 2,
      symbols: ['LINKUSDT', 'ADAUSDT'],
      asset: 'USDT',
      balance: '310.25',
      updateTime: new Date(at(10)).toISOString(),
      updateTimeMs: at(10),
      usdIndex: '1',
      usdValue: '310.25',
    });
    expect(body.rows.find((r) => r.asset === 'USDC')).toMatchObject({ usdIndex: null });
  });

  it('carries the record’s coverage, the pools over the range and the pool’s value', () => {
    expect(body.coverage).toEqual([
      { from: new Date(at(0)).toISOString(), to: new Date(at(20)).toISOString() },
      { from: new Date(at(30)).toISOString(), to: new Date(at(100)).toISOString() },
    ]);
    expect(body.pools.map((p) => [p.key, p.to])).toEqual([
      ['ADAUSDT,LINKUSDT', new Date(at(50)).toISOString()],
      ['1000PEPEUSDT,BONKUSDT,LINKUSDT', null],
    ]);
    expect(body.value.points.at(-1)!.usd).toBe('39.61');
  });
});

describe('historyFileName', () => {
  it('names the symbol, the range and the end of the range in UTC, marking demo data', () => {
    expect(historyFileName(answer, '24h', 'csv', false)).toBe(
      'insurance-fund-history-LINKUSDT-24h-2026-12-01T01-40-00Z.csv',
    );
    expect(historyFileName({ symbol: '币安人生USDT', to: at(0) }, 'all', 'json', true)).toBe(
      'insurance-fund-history-demo-币安人生USDT-all-2026-12-01T00-00-00Z.json',
    );
  });
});

describe('the history as CSV with the ADL ratings', () => {
  // LINKUSDT low from the start, high from minute 40; ADAUSDT medium from minute 20
  const adl = [
    { symbol: 'LINKUSDT', level: 'high' as const, updateTime: at(40) },
    { symbol: 'LINKUSDT', level: 'low' as const, updateTime: at(0) },
    { symbol: 'ADAUSDT', level: 'medium' as const, updateTime: at(20) },
  ];
  const [header, ...rows] = csvRows(buildHistoryFile(answer, '7d', 'csv', false, adl).text);
  const counts = (r: string[]) => {
    const c = named(header!, r);
    return [c.update_time, c.adl_high, c.adl_medium, c.adl_low, c.adl_unrated, c.adl_high_symbols];
  };

  it('adds the ADL columns last, counting the pool as rated at each row, before and after a change', () => {
    expect(header).toEqual([...EXPORT_COLUMNS, ...EXPORT_ADL_COLUMNS]);
    expect(rows.map(counts)).toEqual([
      [new Date(at(0)).toISOString(), '0', '0', '1', '1', ''],
      [new Date(at(10)).toISOString(), '0', '0', '1', '1', ''],
      [new Date(at(35)).toISOString(), '0', '1', '1', '0', ''],
      [new Date(at(45)).toISOString(), '1', '1', '0', '0', 'LINKUSDT'],
      // the new pool: LINKUSDT still high, its new neighbours never rated
      [new Date(at(52)).toISOString(), '1', '0', '0', '2', 'LINKUSDT'],
      [new Date(at(54)).toISOString(), '1', '0', '0', '2', 'LINKUSDT'],
      [new Date(at(80)).toISOString(), '1', '0', '0', '2', 'LINKUSDT'],
      [new Date(at(90)).toISOString(), '1', '0', '0', '2', 'LINKUSDT'],
    ]);
  });

  it('counts every member unrated when no rating was recorded, and keeps the balances', () => {
    const [head, ...none] = csvRows(buildHistoryFile(answer, '7d', 'csv', false, []).text);
    expect(head).toEqual([...EXPORT_COLUMNS, ...EXPORT_ADL_COLUMNS]);
    const cells = none.map((r) => named(head!, r));
    expect(cells.map((c) => [c.balance, c.adl_high, c.adl_unrated])).toEqual(
      rows.map((r) => [named(header!, r).balance, '0', named(header!, r).symbol_count]),
    );
  });
});
