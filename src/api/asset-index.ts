import { queryOptions, useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { ASSET_INDEX_PATH } from '../core/upstream';
import {
  assetIndexListSchema,
  indexMap,
  type AssetIndexEntry,
  type AssetIndexMap,
} from '../core/valuation';
import { request, type Snapshot } from './api-client';
import { counted } from './attempts';
import { toApiError, type ApiError } from './errors';
import { refreshing, type RefreshPolicy } from './refresh-timing';

/**
 * `GET /fapi/v1/assetIndex` without a symbol: every `<ASSET>USD` index (weight 10 at the
 * exchange), through the proxy as the pool list is, on the same policy (refresh-timing.ts).
 */
export function fetchAssetIndex(signal?: AbortSignal): Promise<Snapshot<AssetIndexEntry[]>> {
  return request(ASSET_INDEX_PATH, {}, assetIndexListSchema, signal);
}

export const assetIndexKeys = {
  all: ['assetIndex'] as const,
  list: () => [...assetIndexKeys.all, 'list'] as const,
};

export function assetIndexQueryOptions(policy: RefreshPolicy) {
  const queryKey = assetIndexKeys.list();
  return queryOptions({
    queryKey,
    queryFn: counted(queryKey, fetchAssetIndex),
    ...refreshing(policy),
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
