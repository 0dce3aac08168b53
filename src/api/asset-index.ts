import { queryOptions, useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { assetIndexListSchema, type AssetIndexEntry } from '../core/valuation';
import { ASSET_INDEX_PATH } from '../core/upstream';
import { indexMap, type AssetIndexMap } from '../core/valuation';
import { isApiError, toApiError, type ApiError } from './errors';
import {
  createPause,
  poolListPause,
  requestUpstream,
  type Snapshot,
  type UpstreamRoute,
} from './insurance-balance';
import type { RefreshPolicy } from './use-pools';

/**
 * `GET /fapi/v1/assetIndex` without a symbol: every `<ASSET>USD` index (weight 10 at the
 * exchange), through the proxy as the pool list is.
 *
 * Pauses: a 429 or 418 of the pool list keeps this path quiet too (the exchange limits a whole
 * IP); a 429 of this path pauses this path alone, so a proxy that refuses the heavier index for
 * a while never stops the pool list from refreshing.
 */
const indexPause = createPause();
const ROUTE: UpstreamRoute = {
  path: ASSET_INDEX_PATH,
  pause: indexPause,
  waitsFor: [poolListPause],
};

export function fetchAssetIndex(signal?: AbortSignal): Promise<Snapshot<AssetIndexEntry[]>> {
  return requestUpstream(ROUTE, assetIndexListSchema, undefined, signal);
}

/** When this path may be asked again; 0 when it is not paused. */
export function indexPausedUntil(): number {
  return Math.max(indexPause.until, poolListPause.until);
}

export function resetIndexPause(): void {
  indexPause.until = 0;
}

export const assetIndexKeys = {
  all: ['assetIndex'] as const,
  list: () => [...assetIndexKeys.all, 'list'] as const,
};

const MAX_RETRIES = 2;

/**
 * Twice at most, and never a refusal (4xx) or a pause a retry cannot mend: the next refresh asks
 * again. The index is not the pool list: a missing index leaves every balance on screen.
 */
export function shouldRetryIndex(failureCount: number, error: unknown): boolean {
  if (failureCount >= MAX_RETRIES) return false;
  if (!isApiError(error)) return true;
  if (error.status !== undefined && error.status >= 400 && error.status < 500) return false;
  return error.kind !== 'rate-limited' && error.kind !== 'banned';
}

export function assetIndexQueryOptions({ refreshMs, inBackground }: RefreshPolicy) {
  return queryOptions({
    queryKey: assetIndexKeys.list(),
    queryFn: ({ signal }) => fetchAssetIndex(signal),
    refetchInterval: () => Math.max(refreshMs, indexPausedUntil() - Date.now() + 250),
    refetchIntervalInBackground: inBackground,
    staleTime: Math.min(refreshMs, 5_000),
    retry: shouldRetryIndex,
    retryDelay: (attempt: number) =>
      Math.max(Math.min(1000 * 2 ** attempt, 10_000), indexPausedUntil() - Date.now()),
  });
}

export interface AssetIndexState {
  /** The latest index had, kept while a refresh fails; `undefined` until one arrives. */
  index: AssetIndexMap | undefined;
  /** Why the index is missing or could not be refreshed, if it is or could not. */
  error: ApiError | undefined;
  /** When the index on screen was fetched. */
  fetchedAt: number | undefined;
  pending: boolean;
}

/** The asset index on the dashboard's refresh period; a failure leaves the balances alone. */
export function useAssetIndex(policy: RefreshPolicy): AssetIndexState {
  const query = useQuery(assetIndexQueryOptions(policy));
  const entries = query.data?.data;
  const index = useMemo(() => (entries ? indexMap(entries) : undefined), [entries]);
  const failed = query.error && query.errorUpdatedAt >= query.dataUpdatedAt;
  return {
    index,
    error: failed ? toApiError(query.error) : undefined,
    fetchedAt: query.data?.fetchedAt,
    pending: query.isPending,
  };
}
