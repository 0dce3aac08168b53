/**
 * Whether what is on screen can be trusted as current:
 * - `live`: the last refresh succeeded on time;
 * - `stale`: the last refresh failed or is late, and the last good data is still shown;
 * - `offline`: no data could be had at all;
 * - `connecting`: the first answer is on its way.
 */
export type Freshness = 'live' | 'stale' | 'offline' | 'connecting';

export interface FreshnessInput {
  /** When the data on screen was fetched; 0 when there is none. */
  dataUpdatedAt: number;
  /** When the last failure happened; 0 when none. */
  errorUpdatedAt: number;
  hasData: boolean;
  refreshMs: number;
  now: number;
}

/** Grace on top of one refresh period before data counts as late: the proxy's cache and a slow answer. */
const LATE_GRACE_MS = 15_000;

export function lateAfterMs(refreshMs: number): number {
  return refreshMs + Math.max(refreshMs, LATE_GRACE_MS);
}

export function freshnessOf(input: FreshnessInput): Freshness {
  if (!input.hasData) return input.errorUpdatedAt > 0 ? 'offline' : 'connecting';
  if (input.errorUpdatedAt > input.dataUpdatedAt) return 'stale';
  if (input.now - input.dataUpdatedAt > lateAfterMs(input.refreshMs)) return 'stale';
  return 'live';
}
