import { describe, expect, it } from 'vitest';
import { sumDecimals } from '../../core/decimal';
import { BOM } from '../../core/csv';
import { readCsv } from '../../test/read-csv';
import { buildHistoryFile, historyFileName } from './history-export';
import { answer, at } from './test-answer';

const csvRows = (text: string) => readCsv(text.slice(1));

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
    expect(header).toEqual([
      'time',
      'asset',
      'balance',
      'pool_key',
      'pool',
      'usd_index',
      'usd_value',
    ]);
    expect(rows).toHaveLength(8);
    expect(rows.map((r) => [r[0], r[1], r[2]])).toEqual([
      [new Date(at(0)).toISOString(), 'USDT', '300.5'],
      [new Date(at(10)).toISOString(), 'USDT', '310.25'],
      [new Date(at(35)).toISOString(), 'USDT', '305'],
      [new Date(at(45)).toISOString(), 'USDT', '307'],
      [new Date(at(52)).toISOString(), 'USDT', '38.1'],
      [new Date(at(54)).toISOString(), 'USDC', '1.5'],
      [new Date(at(80)).toISOString(), 'USDT', '37.9'],
      [new Date(at(90)).toISOString(), 'USDC', '1.75'],
    ]);
  });

  it('names the pool that covered the symbol at each point, so a regrouping reads as one', () => {
    expect(rows[3]!.slice(3, 5)).toEqual(['ADAUSDT,LINKUSDT', 'ADA · LINK']);
    expect(rows[4]![3]).toBe('1000PEPEUSDT,BONKUSDT,LINKUSDT');
  });

  it('gives the dollar index and value where recorded, and leaves them empty where not', () => {
    expect(rows[6]!.slice(5)).toEqual(['0.999', '37.86']);
    // USDC has no index recorded before minute 55
    expect(rows[5]!.slice(5)).toEqual(['', '']);
    expect(sumDecimals(rows.filter((r) => r[1] === 'USDT').map((r) => r[2]!))).toBe('1298.75');
  });

  it('defuses a hostile pool member a spreadsheet would run as a formula', () => {
    const hostile = {
      ...answer,
      pools: [{ from: at(0), to: null, symbols: ['=HYPERLINK("x")', 'LINKUSDT'] }],
    };
    const [, first] = csvRows(buildHistoryFile(hostile, '7d', 'csv', false).text);
    expect(first![3]).toBe('\'=HYPERLINK("x"),LINKUSDT');
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
    series: { asset: string; points: Record<string, unknown>[] }[];
    value: { unvalued: string[]; points: { usd: string }[] };
  };

  it('keeps every balance as its exact string, with ISO 8601 UTC times and the ms beside', () => {
    expect(body.source).toBe('demo');
    expect(body).toMatchObject({ symbol: 'LINKUSDT', range: '30d' });
    expect(body.series[0]!.points[1]).toEqual({
      time: new Date(at(10)).toISOString(),
      timeMs: at(10),
      balance: '310.25',
      poolKey: 'ADAUSDT,LINKUSDT',
      usdIndex: '1',
      usdValue: '310.25',
    });
    expect(body.series[1]!.points[0]).not.toHaveProperty('usdIndex');
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
