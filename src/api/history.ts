import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import {
  eventsAnswerSchema,
  historyAnswerSchema,
  overviewAnswerSchema,
  type EventsAnswer,
  type HistoryAnswer,
  type OverviewAnswer,
} from '../core/history';
import { request, type Snapshot } from './api-client';
import { counted } from './attempts';
import { toApiError, type ApiError } from './errors';
import { refreshing, type RefreshPolicy } from './refresh-timing';

/**
 * The recorded history, from the dashboard's own server: `/api/history` (a symbol's pool over
 * time), `/api/overview` (what the history says of every pool) and `/api/events`. A range is
 * given either as times (`from`, `to`) or as `last` ms before the moment of each fetch, so a
 * "last 7 days" view keeps one query key while it refreshes.
 */

export interface RangeParams {
  from?: number;
  to?: number;
  /** The range ends now and began this many ms ago; worked out at each fetch. */
  last?: number;
}

export interface HistoryParams extends RangeParams {
  /** Already normalised (core/symbol). */
  symbol: string;
  /** At most this many points a series. */
  points?: number;
}

export interface EventsParams extends RangeParams {
  limit?: number;
}

function range({ from, to, last }: RangeParams, now = Date.now()) {
  return last === undefined ? { from, to } : { from: Math.max(0, now - last), to };
}

export function fetchHistory(
  { symbol, points, ...rest }: HistoryParams,
  signal?: AbortSignal,
): Promise<Snapshot<HistoryAnswer>> {
  const params = { symbol, ...range(rest), points };
  return request('/api/history', params, historyAnswerSchema, signal);
}

export function fetchOverview(
  spark?: number,
  signal?: AbortSignal,
): Promise<Snapshot<OverviewAnswer>> {
  return request('/api/overview', { spark }, overviewAnswerSchema, signal);
}

export function fetchEvents(
  { limit, ...rest }: EventsParams = {},
  signal?: AbortSignal,
): Promise<Snapshot<EventsAnswer>> {
  return request('/api/events', { ...range(rest), limit }, eventsAnswerSchema, signal);
}

export const historyKeys = {
  all: ['history'] as const,
  series: (params: HistoryParams) => [...historyKeys.all, 'series', params] as const,
  overview: (spark?: number) => [...historyKeys.all, 'overview', { spark }] as const,
  events: (params: EventsParams = {}) => [...historyKeys.all, 'events', params] as const,
};

/** What every history query shares: the refresh policy, and the last answer kept while refetching. */
function refreshed<T>(
  key: readonly unknown[],
  fetch: (signal: AbortSignal) => Promise<Snapshot<T>>,
  policy: RefreshPolicy,
) {
  return {
    queryFn: counted(key, fetch),
    ...refreshing(policy),
    placeholderData: keepPreviousData,
  };
}

export function historyQueryOptions(params: HistoryParams, policy: RefreshPolicy) {
  const queryKey = historyKeys.series(params);
  return queryOptions({
    queryKey,
    ...refreshed(queryKey, (signal) => fetchHistory(params, signal), policy),
  });
}

export function overviewQueryOptions(policy: RefreshPolicy, spark?: number) {
  const queryKey = historyKeys.overview(spark);
  return queryOptions({
    queryKey,
    ...refreshed(queryKey, (signal) => fetchOverview(spark, signal), policy),
  });
}

export function eventsQueryOptions(params: EventsParams, policy: RefreshPolicy) {
  const queryKey = historyKeys.events(params);
  return queryOptions({
    queryKey,
    ...refreshed(queryKey, (signal) => fetchEvents(params, signal), policy),
  });
}

interface Result<T> {
  /** The latest answer had (the previous one while another range loads). */
  data: T | undefined;
  /** Why the latest attempt failed, if it did. */
  error: ApiError | undefined;
  /** Showing the previous range's answer while this one loads. */
  previous: boolean;
  pending: boolean;
}

function resultOf<T>(query: {
  data: Snapshot<T> | undefined;
  error: unknown;
  errorUpdatedAt: number;
  dataUpdatedAt: number;
  isPlaceholderData: boolean;
  isPending: boolean;
}): Result<T> {
  const failed = query.error && query.errorUpdatedAt >= query.dataUpdatedAt;
  return {
    data: query.data?.data,
    error: failed ? toApiError(query.error) : undefined,
    previous: query.isPlaceholderData,
    pending: query.isPending,
  };
}

export function useHistory(params: HistoryParams, policy: RefreshPolicy): Result<HistoryAnswer> {
  return resultOf(useQuery(historyQueryOptions(params, policy)));
}

export function useOverview(policy: RefreshPolicy, spark?: number): Result<OverviewAnswer> {
  return resultOf(useQuery(overviewQueryOptions(policy, spark)));
}

export function useEvents(params: EventsParams, policy: RefreshPolicy): Result<EventsAnswer> {
  return resultOf(useQuery(eventsQueryOptions(params, policy)));
}
