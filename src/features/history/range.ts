import type { RangeParams } from '../../api/history';
import { RANGE_MS, type Range } from '../../lib/url-state';

/** Each range as the history API is asked for it: the last so many ms, or everything recorded. */
export function rangeParams(range: Range): RangeParams {
  return range === 'all' ? {} : { last: RANGE_MS[range] };
}

/** The most points a series of the answer is asked for: about one per pixel, at most 1,000. */
export const MAX_CHART_POINTS = 1_000;
const MIN_CHART_POINTS = 200;

/**
 * Points to ask for, for a chart this many pixels wide: one per pixel, in steps of a hundred
 * (so a resize by a few pixels asks nothing new), between 200 and 1,000.
 */
export function pointsFor(width: number): number {
  const stepped = Math.round((Number.isFinite(width) ? width : 0) / 100) * 100;
  return Math.max(MIN_CHART_POINTS, Math.min(MAX_CHART_POINTS, stepped));
}
