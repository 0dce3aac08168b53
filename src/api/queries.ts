import { queryOptions, type QueryClient } from '@tanstack/react-query';
import type { Pool } from '../core/pool-schema';
import type { Snapshot } from './api-client';
import { attempt, counted, questionOf } from './attempts';
import { ApiError } from './errors';
import { fetchInsuranceBalance } from './insurance-balance';
import { refreshing, type RefreshPolicy } from './refresh-timing';

export const insuranceKeys = {
  all: ['insuranceBalance'] as const,
  pools: () => [...insuranceKeys.all, 'pools'] as const,
  symbol: (symbol: string) => [...insuranceKeys.all, 'symbol', symbol] as const,
};

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

/** What every reader of the pool list shares: the key and the fetch. */
export function poolListQuery() {
  return queryOptions({
    queryKey: insuranceKeys.pools(),
    queryFn: ({ client, signal }) => fetchPools(client, signal),
  });
}

export function poolsQueryOptions(policy: RefreshPolicy) {
  return queryOptions({ ...poolListQuery(), ...refreshing(policy) });
}

/** One symbol's pool from the endpoint: asked only when the pool list cannot answer (use-symbol-pool.ts). */
export function symbolPoolQueryOptions(symbol: string, policy: RefreshPolicy, enabled = true) {
  return queryOptions({
    queryKey: insuranceKeys.symbol(symbol),
    queryFn: counted(insuranceKeys.symbol(symbol), (signal) =>
      fetchInsuranceBalance(symbol, signal),
    ),
    enabled,
    ...refreshing(policy),
  });
}
