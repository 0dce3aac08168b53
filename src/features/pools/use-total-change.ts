import { useMemo } from 'react';
import { useValuationContext } from '../../components/valuation-context';
import type { ChangeWindow } from '../../core/history';
import type { Pool } from '../../core/pool-schema';
import { totalChange, type TotalChange } from '../../core/total-change';

/**
 * The change of all pools listed now over the window (core/total-change); `undefined` while the
 * recorded history cannot be had. Worked out again only when the pools or the history change.
 */
export function useTotalChange(
  pools: readonly Pool[],
  window: ChangeWindow,
): TotalChange | undefined {
  const valuation = useValuationContext();
  return useMemo(() => {
    if (!valuation.history) return undefined;
    return totalChange(
      pools.map((p) => valuation.historyOf(p)),
      valuation.index,
      window,
    );
  }, [pools, valuation, window]);
}
