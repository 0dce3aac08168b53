import { QueryClient } from '@tanstack/react-query';
import { poolListQuery } from '../api/queries';
import { QUERY_POLICY } from '../api/refresh-timing';

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // The one retry and pause policy of every query (api/refresh-timing.ts): no retries of
        // TanStack's, each query's timer asks again by the failures in a row and Retry-After.
        ...QUERY_POLICY,
        // The dashboard refreshes at once when its tab becomes visible again.
        refetchOnWindowFocus: true,
        refetchOnReconnect: true,
        // A refresh keeps the same objects where nothing changed, so unchanged rows do not re-render.
        structuralSharing: true,
        gcTime: 5 * 60_000,
      },
    },
  });
}

/**
 * Asks for the pool list before React's first render, so the answer (already travelling, preloaded
 * by index.html) is in the cache when the views mount and the pools appear in the first commit.
 */
export function prefetchPools(client: QueryClient): Promise<void> {
  return client.prefetchQuery(poolListQuery());
}
