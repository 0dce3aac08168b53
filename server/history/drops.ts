import { compareDecimals } from '../../src/core/decimal.ts';
import { fallsBeyond } from '../../src/core/drawdown.ts';
import {
  DROP_EVENT_SHARE,
  DROP_EVENT_WINDOW_MS,
  type HistoryPoint,
} from '../../src/core/history.ts';
import type { DropRow, HistoryReader, PointRow, SeriesRow } from './adapter.ts';

/** Whether `after` is more than DROP_EVENT_SHARE below a positive `before`, exactly (core/drawdown). */
export const isDrop = (before: string, after: string): boolean =>
  fallsBeyond(before, after, DROP_EVENT_SHARE);

/** The highest point of the series in the hour before `t` (not counting `t`), or `null`. */
async function hourHigh(
  db: HistoryReader,
  series: number,
  t: number,
): Promise<HistoryPoint | null> {
  let high: HistoryPoint | null = null;
  for (const p of await db.points(series, t - DROP_EVENT_WINDOW_MS, t - 1))
    if (high === null || compareDecimals(p.balance, high.balance) > 0)
      high = { t: p.t, balance: p.balance };
  return high;
}

async function dropAt(db: HistoryReader, p: PointRow): Promise<HistoryPoint | null> {
  const high = await hourHigh(db, p.series, p.t);
  return high !== null && isDrop(high.balance, p.balance) ? high : null;
}

export interface DropCheck {
  inDrop: boolean;
  /** The high the episode began below, kept while it lasts: within its hour it confirms the episode without a query. */
  episodeHigh: HistoryPoint | null;
  event: DropRow | null;
}

/**
 * Whether a newly stored point lies in a drawdown, and the drop event if it starts an episode
 * (the point before it was not in one): one event per episode. A rise from a point outside an
 * episode cannot start one (the hour's high can only have been that point or lower), so most
 * points cost no query.
 */
export async function detectDrop(
  db: HistoryReader,
  p: PointRow,
  state: SeriesRow | undefined,
  /** Bounds of the hour's high from the hourly rows (`null`: no point there), when known. */
  bounds?: { upper: string | null; lower: string | null },
): Promise<DropCheck> {
  const last = state?.last ?? null;
  let prevInDrop: boolean;
  if (last && p.t > last.t) {
    if (!state!.inDrop && compareDecimals(p.balance, last.balance) >= 0)
      return { inDrop: false, episodeHigh: null, event: null };
    // Within an episode, more than 5 % below a high still in the hour: still in it.
    const eh = state!.inDrop ? state!.episodeHigh : null;
    if (eh && eh.t >= p.t - DROP_EVENT_WINDOW_MS && isDrop(eh.balance, p.balance))
      return { inDrop: true, episodeHigh: eh, event: null };
    // Not more than 5 % below an upper bound of the hour's high: not below the high either.
    if (bounds && (bounds.upper === null || !isDrop(bounds.upper, p.balance)))
      return { inDrop: false, episodeHigh: null, event: null };
    // Within an episode only the yes or no matters: more than 5 % below a lower bound is a drop.
    if (state!.inDrop && bounds?.lower && isDrop(bounds.lower, p.balance))
      return { inDrop: true, episodeHigh: state!.episodeHigh, event: null };
    prevInDrop = state!.inDrop;
  } else {
    // Older than the latest stored point (an import of older history): look at its neighbour.
    const before = await db.pointAtOrBefore(p.series, p.t - 1);
    prevInDrop = before ? (await dropAt(db, before)) !== null : false;
  }
  const high = await dropAt(db, p);
  if (high === null) return { inDrop: false, episodeHigh: null, event: null };
  return {
    inDrop: true,
    episodeHigh: prevInDrop ? (state?.episodeHigh ?? high) : high,
    event: prevInDrop ? null : { series: p.series, t: p.t, before: high.balance, after: p.balance },
  };
}
