import { queryOptions, useQuery } from '@tanstack/react-query';
import {
  momentAnswerSchema,
  momentRangeSchema,
  type MomentAnswer,
  type MomentRange,
} from '../core/moment';
import { request, type Snapshot } from './api-client';

/**
 * A past moment from the dashboard's own server: `/api/snapshot?at=` (the pool list as recorded
 * then) and `/api/snapshot/range` (the range a moment can be chosen in). What was recorded does
 * not change, so a moment's answer is asked once and kept; only the range grows with time.
 * Retries follow the query client's one policy (refresh-timing `QUERY_POLICY`).
 */

export function fetchMoment(at: number, signal?: AbortSignal): Promise<Snapshot<MomentAnswer>> {
  return request('/api/snapshot', { at }, momentAnswerSchema, signal);
}

export function fetchMomentRange(signal?: AbortSignal): Promise<Snapshot<MomentRange>> {
  return request('/api/snapshot/range', {}, momentRangeSchema, signal);
}

export const momentKeys = {
  all: ['moment'] as const,
  at: (at: number) => [...momentKeys.all, 'at', at] as const,
  range: () => [...momentKeys.all, 'range'] as const,
};

/**
 * A moment inside the recorded range never changes; one after the last recording may gain a
 * newer one, but is asked again only when chosen again: nothing of a past moment refreshes.
 */
export function momentQueryOptions(at: number) {
  return queryOptions({
    queryKey: momentKeys.at(at),
    queryFn: ({ signal }) => fetchMoment(at, signal),
    staleTime: Infinity,
    gcTime: 5 * 60_000,
  });
}

export function momentRangeQueryOptions() {
  return queryOptions({
    queryKey: momentKeys.range(),
    queryFn: ({ signal }) => fetchMomentRange(signal),
    staleTime: 60_000,
  });
}

/** The moment's answer (the one before while another moment loads, so a slider's drag never blanks the page). */
export function useMoment(at: number | undefined) {
  return useQuery({
    ...momentQueryOptions(at ?? 0),
    enabled: at !== undefined,
    placeholderData: (previous) => previous,
  });
}

export function useMomentRange() {
  return useQuery(momentRangeQueryOptions());
}
