import { queryOptions } from '@tanstack/react-query';
import { isApiError } from './errors';
import { fetchInsuranceBalance, pausedUntil } from './insurance-balance';

export const insuranceKeys = {
  all: ['insuranceBalance'] as const,
  pools: () => [...insuranceKeys.all, 'pools'] as const,
  symbol: (symbol: string) => [...insuranceKeys.all, 'symbol', symbol] as const,
};

const MAX_RETRIES = 2;

/** Never retry what a retry cannot mend (a bad symbol), nor anything while the upstream asks for a pause. */
export function shouldRetry(failureCount: number, error: unknown): boolean {
  if (failureCount >= MAX_RETRIES) return false;
  if (!isApiError(error)) return true;
  return (
    error.kind !== 'invalid-symbol' && error.kind !== 'rate-limited' && error.kind !== 'banned'
  );
}

export function retryDelay(attempt: number): number {
  return Math.max(Math.min(1000 * 2 ** attempt, 10_000), pausedUntil() - Date.now());
}

/** The next refresh: the chosen period, or later if the upstream has asked us to wait. */
export function nextRefreshIn(refreshMs: number, now = Date.now()): number {
  return Math.max(refreshMs, pausedUntil() - now + 250);
}

interface RefreshOptions {
  refreshMs: number;
  /** The wall keeps refreshing in a hidden tab; the dashboard does not. */
  inBackground: boolean;
}

function refetchInterval(refreshMs: number) {
  return () => nextRefreshIn(refreshMs);
}

export function poolsQueryOptions({ refreshMs, inBackground }: RefreshOptions) {
  return queryOptions({
    queryKey: insuranceKeys.pools(),
    queryFn: ({ signal }) => fetchInsuranceBalance(undefined, signal),
    refetchInterval: refetchInterval(refreshMs),
    refetchIntervalInBackground: inBackground,
    staleTime: Math.min(refreshMs, 5_000),
    retry: shouldRetry,
    retryDelay,
  });
}

export function symbolPoolQueryOptions(
  symbol: string,
  { refreshMs, inBackground }: RefreshOptions,
) {
  return queryOptions({
    queryKey: insuranceKeys.symbol(symbol),
    queryFn: ({ signal }) => fetchInsuranceBalance(symbol, signal),
    refetchInterval: refetchInterval(refreshMs),
    refetchIntervalInBackground: inBackground,
    staleTime: Math.min(refreshMs, 5_000),
    retry: shouldRetry,
    retryDelay,
  });
}
