import { summarizeAdl, type AdlRating } from '../../core/adl';
import type { Pool } from '../../core/pool-schema';
import { poolKey, poolName } from '../../core/pools';
import { csvField, csvText, defused, quotedField, textField } from '../../core/csv';
import { isoUtc } from '../../lib/iso-time';

export { BOM, csvField, textField } from '../../core/csv';

/** The snapshot: one row per pool and asset, so a sum of `balance` by asset is the true total. */
export const CSV_COLUMNS = [
  'pool_key',
  'pool',
  'symbol_count',
  'symbols',
  'asset',
  'balance',
  'update_time',
] as const;

/** With the ADL risk ratings at hand: the pool's members by rating, and those rated high. */
export const CSV_ADL_COLUMNS = [
  'adl_high',
  'adl_medium',
  'adl_low',
  'adl_unrated',
  'adl_high_symbols',
] as const;

/** Ratings by symbol, as the page holds them (components/adl-context). */
export type Ratings = ReadonlyMap<string, AdlRating>;

function adlCells(pool: Pool, ratings: Ratings): string[] {
  const levels = new Map([...ratings].map(([s, r]) => [s, r.level]));
  const s = summarizeAdl(pool.symbols, levels);
  return [
    String(s.high),
    String(s.medium),
    String(s.low),
    String(s.unrated),
    quotedField(defused(s.highSymbols.join(' '))),
  ];
}

/** Which pool covers each symbol: one row per symbol, and no balance, so nothing is counted twice. */
export const SYMBOL_CSV_COLUMNS = ['symbol', 'pool_key', 'pool'] as const;

/**
 * One row per pool and asset, CRLF line ends. A pool has no id at the exchange: `pool_key` is
 * its sorted member list (core `poolKey`), the same however the exchange orders them, and
 * `symbols` lists the members as the exchange does, space-separated in one quoted column.
 * Balances are the upstream's exact strings, never numbers (see the export note on spreadsheets).
 * With `ratings`, the ADL columns follow (`CSV_ADL_COLUMNS`); without them they are left out.
 */
export function snapshotCsv(pools: readonly Pool[], ratings?: Ratings): string {
  const rows: string[][] = [];
  for (const pool of pools) {
    const identity = [
      textField(poolKey(pool)),
      textField(poolName(pool)),
      String(pool.symbols.length),
      quotedField(defused(pool.symbols.join(' '))),
    ];
    const adl = ratings ? adlCells(pool, ratings) : [];
    for (const a of pool.assets)
      rows.push([
        ...identity,
        textField(a.asset),
        csvField(a.marginBalance),
        isoUtc(a.updateTime),
        ...adl,
      ]);
  }
  return csvText(ratings ? [...CSV_COLUMNS, ...CSV_ADL_COLUMNS] : CSV_COLUMNS, rows);
}

/** One row per symbol with the key and name of its pool: for looking a symbol up, not for sums. */
export function symbolsCsv(pools: readonly Pool[]): string {
  const rows = pools.flatMap((pool) => {
    const key = textField(poolKey(pool));
    const name = textField(poolName(pool));
    return pool.symbols.map((symbol) => [textField(symbol), key, name]);
  });
  return csvText(SYMBOL_CSV_COLUMNS, rows);
}
