import { csvText, textField } from '../../core/csv';
import { exportCsv, poolListRows, type AdlRatings } from '../../core/export-row';
import type { Pool } from '../../core/pool-schema';
import { poolKey, poolName } from '../../core/pools';

export { BOM, csvField, textField } from '../../core/csv';

/** Ratings by symbol, as the page holds them (core/export-row `AdlRatings`). */
export type Ratings = AdlRatings;

/** What a file of the pool list may add to its rows: ADL ratings, the dollar index of an asset. */
export interface RowExtras {
  /** With them, the ADL columns follow (core/export-row `EXPORT_ADL_COLUMNS`). */
  ratings?: Ratings | undefined;
  indexOf?: ((asset: string) => string | undefined) | undefined;
}

/**
 * The snapshot: one row per pool and asset (core/export-row), so a sum of `balance` by asset is
 * the true total. `observedAt`: when the answer left the upstream. With `ratings`, the ADL
 * columns follow; without them they are left out.
 */
export function snapshotCsv(
  pools: readonly Pool[],
  observedAt: number,
  { ratings, indexOf }: RowExtras = {},
): string {
  return exportCsv(poolListRows(pools, observedAt, indexOf, ratings), ratings !== undefined);
}

/** Which pool covers each symbol: one row per symbol, and no balance, so nothing is counted twice. */
export const SYMBOL_CSV_COLUMNS = ['symbol', 'pool_key', 'pool'] as const;

/** One row per symbol with the key and name of its pool: for looking a symbol up, not for sums. */
export function symbolsCsv(pools: readonly Pool[]): string {
  const rows = pools.flatMap((pool) => {
    const key = textField(poolKey(pool));
    const name = textField(poolName(pool));
    return pool.symbols.map((symbol) => [textField(symbol), key, name]);
  });
  return csvText(SYMBOL_CSV_COLUMNS, rows);
}
