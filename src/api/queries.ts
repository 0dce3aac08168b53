import { queryOptions, type QueryClient } from '@tanstack/react-query';
import type { Pool } from '../core/pool-schema';
import { attempt, failuresInARow } from './attempts';
import { ApiError } from './errors';
import { fetchInsuranceBalance, pausedUntil, type Snapshot } from './insurance-balance';
import { nextAttemptAt, retryPeriod, type RefreshPolicy } from './refresh-timing';

export const insuranceKeys = {
  all: ['insuranceBalance'] as const,
  pools: () => [...insuranceKeys.all, 'pools'] as const,
  symbol: (symbol: string) => [...insuranceKeys.all, 'symbol', symbol] as const,
};

/** A query key as the text the attempt counts are kept under. */
export const questionOf = (key: readonly unknown[]): string => JSON.stringify(key);

/**
 * The query's own timer, set again whenever the query changes: it fires at the time
 * `nextAttemptAt` names. While an attempt is under way the timer waits a period; the attempt's
 * end sets it again. Retries are this timer's work too (TanStack's own are off), so there is one
 * schedule, and the screen can say it.
 */
interface QueryLike {
  queryKey: readonly unknown[];
  state: { fetchStatus: string; dataUpdatedAt: number; errorUpdatedAt: number };
}

function refetchInterval(refreshMs: number) {
  return (query: QueryLike): number => {
    const { state } = query;
    const failures = failuresInARow(questionOf(query.queryKey));
    const period = retryPeriod(refreshMs, failures);
    if (state.fetchStatus === 'fetching') return period;
    const settledAt = Math.max(state.dataUpdatedAt, state.errorUpdatedAt);
    const wait = nextAttemptAt({ settledAt, refreshMs, failures, pausedUntil: pausedUntil() });
    const left = wait - Date.now();
    // Past due only where the timer may not fetch (a hidden dashboard): the tab's return fetches.
    return left > 0 ? left : period;
  };
}

/**
 * The pool list. An empty list where pools were listed before is no news of every pool gone but a
 * fault: it is an error, and the last good figures stay on screen. With nothing listed before, an
 * empty list is what the exchange says, and is shown as such.
 */
async function fetchPools(
  client: QueryClient,
  signal: AbortSignal | undefined,
): Promise<Snapshot<Pool[]>> {
  const key = insuranceKeys.pools();
  return attempt(questionOf(key), signal, async () => {
    const snapshot = await fetchInsuranceBalance(undefined, signal);
    const before = client.getQueryData<Snapshot<Pool[]>>(key);
    if (snapshot.data.length === 0 && before !== undefined && before.data.length > 0)
      throw new ApiError('empty-list', {
        status: 200,
        detail: `${before.data.length} pools before`,
      });
    return snapshot;
  });
}

/** What every reader of the pool list shares: the key, the fetch and no retries of TanStack's. */
export function poolListQuery() {
  return queryOptions({
    queryKey: insuranceKeys.pools(),
    queryFn: ({ client, signal }) => fetchPools(client, signal),
    retry: false,
  });
}

export function poolsQueryOptions({ refreshMs, inBackground }: RefreshPolicy) {
  return queryOptions({
    ...poolListQuery(),
    refetchInterval: refetchInterval(refreshMs),
    refetchIntervalInBackground: inBackground,
    staleTime: Math.min(refreshMs, 5_000),
  });
}

/** One symbol's pool from the endpoint: asked only when the pool list cannot answer (use-symbol-pool.ts). */
export function symbolPoolQueryOptions(
  symbol: string,
  { refreshMs, inBackground }: RefreshPolicy,
  enabled = true,
) {
  return queryOptions({
    queryKey: insuranceKeys.symbol(symbol),
    queryFn: ({ queryKey, signal }) =>
      attempt(questionOf(queryKey), signal, () => fetchInsuranceBalance(symbol, signal)),
    enabled,
    retry: false,
    refetchInterval: refetchInterval(refreshMs),
    refetchIntervalInBackground: inBackground,
    staleTime: Math.min(refreshMs, 5_000),
  });
}
