import { summarizeAdl, type AdlRating, type AdlSummary } from './adl.ts';
import { BOM, csvField, defused, quotedField, textField } from './csv.ts';
import type { Pool } from './pool-schema.ts';
import { poolKey, poolName } from './pools.ts';
import { usdOf } from './valuation.ts';

/**
 * One row per pool and asset at one moment: the shape of every file of balances the dashboard
 * writes (the snapshot and the history on screen, as CSV and JSON, and the server's history
 * export), so a script that reads one reads them all, and a sum of `balance` by asset and moment
 * is the true total. A pool has no id at the exchange: `pool_key` is its sorted member list (core
 * `poolKey`), `symbols` its members as the exchange lists them, space-separated in one quoted
 * column. Balances are the upstream's exact strings, times ISO 8601 UTC beside their ms.
 * Where the exchange's ADL risk ratings are at hand (the snapshot, a moment's files, the
 * history's CSV files), the `EXPORT_ADL_COLUMNS` follow: the pool's members by rating, and those
 * rated high; in a history, as rated at the row's moment (`ratingsOverTime`).
 */
export const EXPORT_COLUMNS = [
  'observed_at',
  'observed_at_ms',
  'pool_key',
  'pool',
  'symbol_count',
  'symbols',
  'asset',
  'balance',
  'update_time',
  'update_time_ms',
  'usd_index',
  'usd_value',
] as const;

/** The optional columns of the ADL risk ratings of the pool's members (docs/adl.md). */
export const EXPORT_ADL_COLUMNS = [
  'adl_high',
  'adl_medium',
  'adl_low',
  'adl_unrated',
  'adl_high_symbols',
] as const;

/** Ratings by symbol, as the page holds them (components/adl-context). */
export type AdlRatings = ReadonlyMap<string, AdlRating>;

export interface ExportRow {
  /** When the pool list was received; `undefined` where only the balance's own time is known. */
  observedAt: number | undefined;
  /** The members of the pool holding the balance, as the exchange lists them. */
  symbols: readonly string[];
  asset: string;
  /** The upstream's exact string. */
  balance: string;
  /** The exchange's time of the balance. */
  updateTime: number;
  /** The `<ASSET>USD` index at that moment, where one is known. */
  usdIndex: string | undefined;
  /** The pool's members by ADL risk rating, where the ratings are at hand. */
  adl?: AdlSummary | undefined;
}

/** A pool's members fill the ADL columns by their rating, a symbol without one as unrated. */
const levelsOf = (ratings: AdlRatings) => new Map([...ratings].map(([s, r]) => [s, r.level]));

/** The ADL cells of a pool's members as `ratings` rate them (the one rule of every file). */
export const poolAdl = (symbols: readonly string[], ratings: AdlRatings): AdlSummary =>
  summarizeAdl(symbols, levelsOf(ratings));

/**
 * The ratings in effect as time moves forward, for a history's rows: `add` the rating changes as
 * they come (in any order), `at(t)` each symbol's latest rating at or before `t`, asked with `t`
 * never going back. A change after `t` waits for a later `t`.
 */
export function ratingsOverTime() {
  let pending: AdlRating[] = [];
  const now = new Map<string, AdlRating>();
  return {
    add(changes: readonly AdlRating[]) {
      pending.push(...changes);
    },
    at(t: number): AdlRatings {
      if (pending.length === 0) return now;
      pending.sort((a, b) => a.updateTime - b.updateTime);
      let i = 0;
      for (; i < pending.length && pending[i]!.updateTime <= t; i += 1) {
        const r = pending[i]!;
        const held = now.get(r.symbol);
        if (held === undefined || held.updateTime <= r.updateTime) now.set(r.symbol, r);
      }
      pending = pending.slice(i);
      return now;
    },
  };
}

/** ISO 8601 in UTC; a time no calendar can hold is kept as its number. */
const iso = (ms: number) => {
  const date = new Date(ms);
  return Number.isNaN(date.getTime()) ? String(ms) : date.toISOString();
};

/**
 * The rows of a pool list seen at `observedAt`, valued by `indexOf` where it knows the asset,
 * with the ADL columns filled from `ratings` where they are given.
 */
export function poolListRows(
  pools: readonly Pool[],
  observedAt: number | undefined,
  indexOf: (asset: string) => string | undefined = () => undefined,
  ratings?: AdlRatings,
): ExportRow[] {
  const levels = ratings && levelsOf(ratings);
  return pools.flatMap((pool) => {
    const adl = levels && summarizeAdl(pool.symbols, levels);
    return pool.assets.map((a) => ({
      observedAt,
      symbols: pool.symbols,
      asset: a.asset,
      balance: a.marginBalance,
      updateTime: a.updateTime,
      usdIndex: indexOf(a.asset),
      ...(adl ? { adl } : {}),
    }));
  });
}

/** A row as a JSON object: the columns' names in camel case, nothing a number but times. */
export function exportRowJson(row: ExportRow) {
  const pool = { symbols: [...row.symbols], assets: [] };
  return {
    observedAt: row.observedAt === undefined ? null : iso(row.observedAt),
    observedAtMs: row.observedAt ?? null,
    poolKey: poolKey(pool),
    pool: poolName(pool),
    symbolCount: row.symbols.length,
    symbols: pool.symbols,
    asset: row.asset,
    balance: row.balance,
    updateTime: iso(row.updateTime),
    updateTimeMs: row.updateTime,
    usdIndex: row.usdIndex ?? null,
    usdValue:
      row.usdIndex === undefined ? null : usdOf([{ balance: row.balance, index: row.usdIndex }]),
    ...(row.adl
      ? {
          adlHigh: row.adl.high,
          adlMedium: row.adl.medium,
          adlLow: row.adl.low,
          adlUnrated: row.adl.unrated,
          adlHighSymbols: [...row.adl.highSymbols],
        }
      : {}),
  };
}

/** The pool's cells (key, name, count, members), worked out once per member list. */
const identities = new WeakMap<readonly string[], string>();

function identityCells(symbols: readonly string[]): string {
  let cells = identities.get(symbols);
  if (cells === undefined) {
    const pool = { symbols: [...symbols], assets: [] };
    cells = [
      textField(poolKey(pool)),
      textField(poolName(pool)),
      String(symbols.length),
      quotedField(defused(symbols.join(' '))),
    ].join(',');
    identities.set(symbols, cells);
  }
  return cells;
}

/**
 * The CSV file's first line: the byte order mark and the header (core/csv rules), with the ADL
 * columns when `withAdl`.
 */
export const exportCsvHead = (withAdl = false): string =>
  `${BOM}${(withAdl ? [...EXPORT_COLUMNS, ...EXPORT_ADL_COLUMNS] : EXPORT_COLUMNS).join(',')}\r\n`;

const adlCells = (adl: AdlSummary | undefined): string =>
  adl
    ? `,${adl.high},${adl.medium},${adl.low},${adl.unrated},${quotedField(defused(adl.highSymbols.join(' ')))}`
    : ',,,,,';

/** One row as a CSV line, CRLF included; with the ADL cells when `withAdl` (empty if unknown). */
export function exportCsvLine(row: ExportRow, withAdl = false): string {
  const observed = row.observedAt === undefined ? ',' : `${iso(row.observedAt)},${row.observedAt}`;
  const usd = row.usdIndex ?? '';
  const value = row.usdIndex === undefined ? '' : usdOf([{ balance: row.balance, index: usd }]);
  return `${observed},${identityCells(row.symbols)},${textField(row.asset)},${csvField(row.balance)},${iso(row.updateTime)},${row.updateTime},${csvField(usd)},${csvField(value)}${withAdl ? adlCells(row.adl) : ''}\r\n`;
}

/** The whole CSV file of the rows, with the ADL columns when `withAdl`. */
export function exportCsv(rows: readonly ExportRow[], withAdl = false): string {
  let text = exportCsvHead(withAdl);
  for (const row of rows) text += exportCsvLine(row, withAdl);
  return text;
}
