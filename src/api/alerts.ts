import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { ALERTS_PATH, alertsAnswerSchema, type AlertsAnswer } from '../core/alerts';
import { toApiError, type ApiError } from './errors';
import type { Snapshot } from './insurance-balance';
import { requestServer } from './server-request';
import type { RefreshPolicy } from './use-pools';

/** `GET /api/alerts`: the server's alert rules, the alerts active now and those of the last 7 days. */
export function fetchAlerts(signal?: AbortSignal): Promise<Snapshot<AlertsAnswer>> {
  return requestServer(ALERTS_PATH, {}, alertsAnswerSchema, signal);
}

export const alertsKeys = { all: ['alerts'] as const };

export function alertsQueryOptions({ refreshMs, inBackground }: RefreshPolicy) {
  return queryOptions({
    queryKey: alertsKeys.all,
    queryFn: ({ signal }) => fetchAlerts(signal),
    refetchInterval: refreshMs,
    refetchIntervalInBackground: inBackground,
    staleTime: Math.min(refreshMs, 5_000),
    placeholderData: keepPreviousData,
    retry: 1,
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
