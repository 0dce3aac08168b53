import { useQuery } from '@tanstack/react-query';
import { freshnessOf } from '../lib/freshness';
import { useNow } from '../lib/use-now';
import { failuresInARow } from './attempts';
import { toApiError, type ApiError } from './errors';
import { pausedUntil } from './insurance-balance';
import { insuranceKeys, poolsQueryOptions, questionOf } from './queries';
import { nextAttemptAt, type NextAttempt, type RefreshPolicy } from './refresh-timing';

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

interface AttemptState {
  dataUpdatedAt: number;
  errorUpdatedAt: number;
  fetchStatus: 'fetching' | 'paused' | 'idle';
}

/** What the client does next about a query, by the rule its own timer follows (refresh-timing.ts). */
export function nextAttemptOf(
  state: AttemptState,
  key: readonly unknown[],
  { refreshMs }: RefreshPolicy,
): NextAttempt {
  const settledAt = Math.max(state.dataUpdatedAt, state.errorUpdatedAt);
  return {
    underway: state.fetchStatus === 'fetching',
    at: nextAttemptAt({
      settledAt,
      refreshMs,
      failures: failuresInARow(questionOf(key)),
      pausedUntil: pausedUntil(),
    }),
    settledAt,
  };
}

/**
 * The one source of pool data for every view: the pool list, refreshed on the policy's period,
 * with how far the data on screen can be trusted, what went wrong and when the next attempt is.
 * A symbol's pool comes from the same list where it is there (use-symbol-pool.ts).
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
