import { useQuery } from '@tanstack/react-query';
import { freshnessOf } from '../lib/freshness';
import { useNow } from '../lib/use-now';
import { poolsQueryOptions } from './queries';
import { toApiError } from './errors';

export interface RefreshPolicy {
  refreshMs: number;
  inBackground: boolean;
}

/** Every pool, refreshed on the policy's period, with how far the data on screen can be trusted. */
export function usePools(policy: RefreshPolicy) {
  const query = useQuery(poolsQueryOptions(policy));
  const now = useNow();
  const freshness = freshnessOf({
    dataUpdatedAt: query.dataUpdatedAt,
    errorUpdatedAt: query.errorUpdatedAt,
    hasData: query.data !== undefined,
    refreshMs: policy.refreshMs,
    now,
  });
  const error =
    query.error && query.errorUpdatedAt >= query.dataUpdatedAt
      ? toApiError(query.error)
      : undefined;
  return { query, snapshot: query.data, freshness, error, now };
}
