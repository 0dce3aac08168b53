import { useQuery } from '@tanstack/react-query';
import { freshnessOf } from '../lib/freshness';
import { useNow } from '../lib/use-now';
import { poolsQueryOptions } from './queries';
import { toApiError, type ApiError } from './errors';

export interface RefreshPolicy {
  refreshMs: number;
  inBackground: boolean;
}

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

/** Every pool, refreshed on the policy's period, with how far the data on screen can be trusted. */
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
  return { query, snapshot: query.data, freshness, error, now };
}
