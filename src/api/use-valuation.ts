import { useMemo } from 'react';
import { historyByKey } from '../core/drawdown';
import { createValuation, type Valuation } from '../core/pool-figures';
import { useAssetIndex } from './asset-index';
import type { ApiError } from './errors';
import { useOverview } from './history';
import type { RefreshPolicy } from './use-pools';

export interface ValuationState {
  valuation: Valuation;
  /** Why the asset index is missing (or could not be refreshed), if it is. */
  indexError: ApiError | undefined;
  /** When the index on screen was fetched; `undefined` while there is none. */
  indexFetchedAt: number | undefined;
  /** The recorded history could not be had: Drawn down cannot be judged, Stale uses its floor. */
  historyMissing: boolean;
}

/**
 * The asset index and the history's overview, refreshed on the view's period, as one Valuation
 * for the cards, the summary and the charts. Either can fail without the other, and neither
 * failure touches the balances.
 */
export function useValuation(policy: RefreshPolicy, lowUsd: string): ValuationState {
  const asset = useAssetIndex(policy);
  const overview = useOverview(policy);
  const index = asset.index;
  const answer = overview.data;
  const history = useMemo(() => (answer ? historyByKey(answer) : undefined), [answer]);
  const valuation = useMemo(
    () => createValuation({ index, history, lowUsd }),
    [index, history, lowUsd],
  );
  const { error: indexError, fetchedAt: indexFetchedAt } = asset;
  const historyMissing = answer === undefined && !overview.pending;
  return useMemo(
    () => ({ valuation, indexError, indexFetchedAt, historyMissing }),
    [valuation, indexError, indexFetchedAt, historyMissing],
  );
}
