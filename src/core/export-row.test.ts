import { describe, expect, it } from 'vitest';
import { readCsv } from '../test/read-csv';
import {
  EXPORT_COLUMNS,
  exportCsv,
  exportRowJson,
  poolAdl,
  poolListRows,
  ratingsOverTime,
  type ExportRow,
} from './export-row.ts';

const t = Date.UTC(2026, 11, 1);
const pools = [
  {
    symbols: ['ETHUSDT', 'BTCUSDT'],
    assets: [
      { asset: 'USDT', marginBalance: '1000.005', updateTime: t - 1000 },
      { asset: 'BNFCR', marginBalance: '-0.10', updateTime: t - 2000 },
    ],
  },
];

/** The camel-case name of a column, as the JSON files spell it. */
const camel = (column: string) => column.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());

describe('the export row', () => {
  const rows = poolListRows(pools, t, (asset) => (asset === 'USDT' ? '0.9998' : undefined));

  it('is one row per pool and asset, valued where the index knows the asset', () => {
    expect(rows.map((r) => [r.asset, r.balance, r.usdIndex])).toEqual([
      ['USDT', '1000.005', '0.9998'],
      ['BNFCR', '-0.10', undefined],
    ]);
  });

  it('says the same in CSV and in JSON, column by column', () => {
    const [header, ...cells] = readCsv(exportCsv(rows).slice(1));
    expect(header).toEqual([...EXPORT_COLUMNS]);
    rows.forEach((row, i) => {
      const json = exportRowJson(row) as Record<string, unknown>;
      expect(Object.keys(json)).toEqual(EXPORT_COLUMNS.map(camel));
      EXPORT_COLUMNS.forEach((column, c) => {
        const value = json[camel(column)];
        const text = Array.isArray(value) ? value.join(' ') : String(value ?? '');
        expect(cells[i]![c], column).toBe(text);
      });
    });
    // 1000.005 × 0.9998 = 999.804999: rounded once, to the cent
    expect(exportRowJson(rows[0]!).usdValue).toBe('999.80');
  });

  it('leaves the time of receipt empty where only the exchange’s time is known', () => {
    const row: ExportRow = { ...rows[0]!, observedAt: undefined };
    expect(exportRowJson(row)).toMatchObject({ observedAt: null, observedAtMs: null });
    expect(readCsv(exportCsv([row]).slice(1))[1]!.slice(0, 3)).toEqual(['', '', 'BTCUSDT,ETHUSDT']);
  });
});

describe('ratingsOverTime', () => {
  it('gives each symbol its latest rating at or before the moment asked, a later one not yet', () => {
    const ratings = ratingsOverTime();
    const members = ['AUSDT', 'BUSDT', 'CUSDT'];
    expect(poolAdl(members, ratings.at(t))).toEqual({
      high: 0,
      medium: 0,
      low: 0,
      unrated: 3,
      highSymbols: [],
    });
    // out of order: A high at t+20 and low at t+5, B medium at t+10
    ratings.add([
      { symbol: 'AUSDT', level: 'high', updateTime: t + 20 },
      { symbol: 'AUSDT', level: 'low', updateTime: t + 5 },
      { symbol: 'BUSDT', level: 'medium', updateTime: t + 10 },
    ]);
    expect(poolAdl(members, ratings.at(t + 10))).toMatchObject({ low: 1, medium: 1, unrated: 1 });
    expect(poolAdl(members, ratings.at(t + 20))).toEqual({
      high: 1,
      medium: 1,
      low: 0,
      unrated: 1,
      highSymbols: ['AUSDT'],
    });
    // a change older than the one held does not undo it
    ratings.add([{ symbol: 'AUSDT', level: 'low', updateTime: t + 15 }]);
    expect(poolAdl(members, ratings.at(t + 30)).highSymbols).toEqual(['AUSDT']);
  });
});
