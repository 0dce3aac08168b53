import type { View } from '../lib/url-state';
import { pausedUntil } from './api-client';
import { failuresInARow, questionOf } from './attempts';
import { isApiError } from './errors';

/**
 * When the client asks next: the one retry and pause policy of every query (the pool list, a
 * symbol's pool, the asset index, the history), set in the query client's defaults
 * (`QUERY_POLICY`). One rule, used by each query's own timer and by every text that says when the
 * next attempt comes ("asks again at 01:35:52 UTC", "Next try in 4 s"), so the screen can never
 * name a time the client does not keep. Retries are this timer's work (TanStack's own are off),
 * so there is one schedule, and the screen can say it.
 */

/** The first retry after a failure; each failure in a row doubles it, up to the refresh period. */
export const FIRST_RETRY_MS = 2_000;

/** A request leaves this long after a pause ends, so a clock a few ms apart cannot make it early. */
export const PAUSE_MARGIN_MS = 250;

export interface RefreshPolicy {
  refreshMs: number;
  /** The wall keeps refreshing in a hidden tab; the dashboard does not. */
  inBackground: boolean;
}

/** The refresh policy of a view: the link's period, in the background for the wall alone. */
export function refreshPolicy(view: View, refreshSeconds: number): RefreshPolicy {
  return { refreshMs: refreshSeconds * 1000, inBackground: view === 'wall' };
}

/**
 * The wait after an attempt: the refresh period after a success; after `failures` in a row,
 * 2 s, 4 s, 8 s … up to the period, so a cold start during an outage does not wait a whole
 * minute to try again, and a long outage does not cost the exchange more than one call a period.
 */
export function retryPeriod(refreshMs: number, failures: number): number {
  if (failures <= 0) return refreshMs;
  return Math.min(refreshMs, FIRST_RETRY_MS * 2 ** Math.min(failures - 1, 30));
}

export interface AttemptTimes {
  /** When the last attempt ended, successful or not; 0 before the first. */
  settledAt: number;
  refreshMs: number;
  /** Failed attempts in a row (src/api/attempts.ts). */
  failures: number;
  /** The Retry-After pause (src/api/api-client.ts) or the server's own; 0 when there is none. */
  pausedUntil: number;
}

/** When the next attempt leaves: a period after the last, never before a pause is over. */
export function nextAttemptAt({
  settledAt,
  refreshMs,
  failures,
  pausedUntil,
}: AttemptTimes): number {
  const byPeriod = settledAt + retryPeriod(refreshMs, failures);
  return Math.max(byPeriod, pausedUntil > settledAt ? pausedUntil + PAUSE_MARGIN_MS : 0);
}

/** What the client is doing about the exchange: an attempt under way, or when the next one leaves. */
export interface NextAttempt {
  underway: boolean;
  at: number;
  /** When the last attempt ended: the shared clock ticks once a second and may lag it. */
  settledAt: number;
}

/** Time left until the next attempt, by a clock that may lag the last attempt by up to a tick. */
export function timeLeft(next: NextAttempt, now: number): number {
  return Math.min(next.at - now, next.at - next.settledAt);
}

interface AttemptState {
  dataUpdatedAt: number;
  errorUpdatedAt: number;
  error: unknown;
  fetchStatus: 'fetching' | 'paused' | 'idle';
}

/** What the client does next about a query, by the rule its own timer follows. */
export function nextAttemptOf(
  state: AttemptState,
  key: readonly unknown[],
  { refreshMs }: Pick<RefreshPolicy, 'refreshMs'>,
): NextAttempt {
  const settledAt = Math.max(state.dataUpdatedAt, state.errorUpdatedAt);
  // A pause of every path (a 429 or 418), or the server's own Retry-After for this query.
  const failed = state.errorUpdatedAt >= state.dataUpdatedAt && isApiError(state.error);
  const retryAt = failed ? ((state.error as { retryAt?: number }).retryAt ?? 0) : 0;
  return {
    underway: state.fetchStatus === 'fetching',
    at: nextAttemptAt({
      settledAt,
      refreshMs,
      failures: failuresInARow(questionOf(key)),
      pausedUntil: Math.max(pausedUntil(), retryAt),
    }),
    settledAt,
  };
}

interface QueryLike {
  queryKey: readonly unknown[];
  meta?: Record<string, unknown>;
  state: AttemptState;
}

/**
 * The query's own timer, set again whenever the query changes: it fires at the time
 * `nextAttemptOf` names. While an attempt is under way the timer waits a period; the attempt's
 * end sets it again. A query without a period (`refreshing`) is not refreshed.
 */
export function nextAttemptIn(query: QueryLike): number | false {
  const refreshMs = query.meta?.refreshMs;
  if (typeof refreshMs !== 'number') return false;
  const period = retryPeriod(refreshMs, failuresInARow(questionOf(query.queryKey)));
  if (query.state.fetchStatus === 'fetching') return period;
  const left = nextAttemptOf(query.state, query.queryKey, { refreshMs }).at - Date.now();
  // Past due only where the timer may not fetch (a hidden dashboard): the tab's return fetches.
  return left > 0 ? left : period;
}

/** The one policy, for the query client's defaults: no retries of TanStack's, one timer. */
export const QUERY_POLICY = { retry: false, refetchInterval: nextAttemptIn } as const;

/** What a query of a view passes: its period (read by `nextAttemptIn`), and when it is fresh. */
export function refreshing({ refreshMs, inBackground }: RefreshPolicy) {
  return {
    meta: { refreshMs },
    refetchIntervalInBackground: inBackground,
    staleTime: Math.min(refreshMs, 5_000),
  };
}
