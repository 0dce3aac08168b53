import { poolName } from '../../core/pools';
import { csvField, csvText, textField } from '../../core/csv';
import { isoUtc } from '../../lib/iso-time';
import type { HistoryRow } from './history-rows';

/**
 * The history on screen as CSV: one row per point and asset, the time in ISO 8601 UTC, the
 * balance as the upstream wrote it, the pool that covered the symbol then (its sorted members
 * as the key, and its name), and the dollar index and value where the history recorded one.
 */
export const HISTORY_CSV_COLUMNS = [
  'time',
  'asset',
  'balance',
  'pool_key',
  'pool',
  'usd_index',
  'usd_value',
] as const;

export function historyCsv(rows: readonly HistoryRow[]): string {
  const names = new Map<readonly string[], [string, string]>();
  return csvText(
    HISTORY_CSV_COLUMNS,
    rows.map((r) => {
      let pool = names.get(r.poolSymbols);
      if (!pool) {
        pool = [
          textField(r.poolSymbols.join(',')),
          textField(poolName({ symbols: [...r.poolSymbols], assets: [] })),
        ];
        names.set(r.poolSymbols, pool);
      }
      return [
        isoUtc(r.t),
        textField(r.asset),
        csvField(r.balance),
        ...pool,
        csvField(r.usdIndex ?? ''),
        csvField(r.usdValue ?? ''),
      ];
    }),
  );
}
