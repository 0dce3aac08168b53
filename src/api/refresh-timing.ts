import type { View } from '../lib/url-state';

/**
 * When the client asks the exchange next. One rule, used by the query's own timer and by every
 * text that says when the next attempt comes ("asks again at 01:35:52 UTC", "Next try in 4 s"), so
 * the screen can never name a time the client does not keep.
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
  /** The exchange's Retry-After pause (src/api/insurance-balance.ts); 0 when there is none. */
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
