import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { historyByKey } from '../core/drawdown';
import { createValuation, type Valuation } from '../core/pool-figures';
import { freshnessOf } from '../lib/freshness';
import { useNow } from '../lib/use-now';
import { useAssetIndex } from './asset-index';
import { toApiError, type ApiError } from './errors';
import { useOverview } from './history';
import { insuranceKeys, poolsQueryOptions } from './queries';
import { nextAttemptOf, type RefreshPolicy } from './refresh-timing';

export type { RefreshPolicy };

interface QueryFailureState {
  error: unknown;
  errorUpdatedAt: number;
  dataUpdatedAt: number;
  /** Failures of the fetch under way, retries included; reset when a fetch starts. */
  failureCount: number;
  failureReason: unknown;
}

/**
 * The failure to show, if the latest attempt failed: the final error, or already the first failed
 * attempt while retries go on, so that an upstream silent for 10 s is reported after 10 s, not after
 * every retry has timed out too. `failedAfterData`: the failure is newer than the data on screen.
 */
export function latestFailure(state: QueryFailureState): {
  error: ApiError | undefined;
  failedAfterData: boolean;
} {
  if (state.failureCount > 0 && state.failureReason)
    return { error: toApiError(state.failureReason), failedAfterData: true };
  if (state.error && state.errorUpdatedAt >= state.dataUpdatedAt)
    return { error: toApiError(state.error), failedAfterData: true };
  return { error: undefined, failedAfterData: false };
}

/**
 * The one source of pool data for every view: the pool list, refreshed on the policy's period,
 * with how far the data on screen can be trusted, what went wrong and when the next attempt is.
 * A symbol's pool comes from the same list where it is there (use-symbol-pool.ts); the pools'
 * dollar values and flags from `useValuation` below, provided once above the views.
 */
export function usePools(policy: RefreshPolicy) {
  const query = useQuery(poolsQueryOptions(policy));
  const now = useNow();
  const { error, failedAfterData } = latestFailure(query);
  const freshness = freshnessOf({
    dataUpdatedAt: query.dataUpdatedAt,
    errorUpdatedAt: failedAfterData
      ? Math.max(query.errorUpdatedAt, query.dataUpdatedAt + 1)
      : query.errorUpdatedAt,
    hasData: query.data !== undefined,
    refreshMs: policy.refreshMs,
    now,
  });
  const next = nextAttemptOf(query, insuranceKeys.pools(), policy);
  return { query, snapshot: query.data, freshness, error, now, next };
}

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
