import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { ALERTS_PATH, alertsAnswerSchema, type AlertsAnswer } from '../core/alerts';
import { request, type Snapshot } from './api-client';
import { toApiError, type ApiError } from './errors';
import { refreshing, type RefreshPolicy } from './refresh-timing';

/** `GET /api/alerts`: the server's alert rules, the alerts active now and those of the last 7 days. */
export function fetchAlerts(signal?: AbortSignal): Promise<Snapshot<AlertsAnswer>> {
  return request(ALERTS_PATH, {}, alertsAnswerSchema, signal);
}

export const alertsKeys = { all: ['alerts'] as const };

/** On the view's period and the one retry policy of the query client (api/refresh-timing). */
export function alertsQueryOptions(policy: RefreshPolicy) {
  return queryOptions({
    queryKey: alertsKeys.all,
    queryFn: ({ signal }) => fetchAlerts(signal),
    ...refreshing(policy),
    placeholderData: keepPreviousData,
  });
}

export function useAlerts(policy: RefreshPolicy): {
  data: AlertsAnswer | undefined;
  error: ApiError | undefined;
} {
  const q = useQuery(alertsQueryOptions(policy));
  const failed = q.error && q.errorUpdatedAt >= q.dataUpdatedAt;
  return { data: q.data?.data, error: failed ? toApiError(q.error) : undefined };
}
