import { compareBalances as compareDecimals } from './compare.ts';
import {
  LEVEL_MS,
  type HistoryTx,
  type Level,
  type LevelRow,
  type PointRow,
  type SeriesRow,
  type SeriesState,
} from './adapter.ts';

const bucketOf = (level: Level, t: number) => Math.floor(t / LEVEL_MS[level]) * LEVEL_MS[level];

/** A level row with one more point: `last` by time, `min`/`max` compared exactly, the earlier kept on a tie. */
export function addToLevel(row: LevelRow | null | undefined, level: Level, p: PointRow): LevelRow {
  const v = { t: p.t, balance: p.balance };
  if (!row)
    return { series: p.series, bucket: bucketOf(level, p.t), n: 1, last: v, min: v, max: v };
  const order = (a: typeof v, b: typeof v) => compareDecimals(a.balance, b.balance);
  return {
    ...row,
    n: row.n + 1,
    last: p.t > row.last.t ? v : row.last,
    min: order(v, row.min) < 0 || (order(v, row.min) === 0 && v.t < row.min.t) ? v : row.min,
    max: order(v, row.max) > 0 || (order(v, row.max) === 0 && v.t < row.max.t) ? v : row.max,
  };
}

/**
 * Bounds of the highest balance in the hour before `t`, for a point newer than the series'
 * latest: the open hour and the hour before it contain that hour (upper bound); the open hour,
 * when it is `t`'s own, lies within it (lower bound).
 */
export function hourHighBounds(
  state: SeriesRow | undefined,
  t: number,
): { upper: string | null; lower: string | null } {
  const h = bucketOf('hour', t);
  const max = (a: string | null, b: string) => (a === null || compareDecimals(b, a) > 0 ? b : a);
  let upper: string | null = null;
  for (const r of [state?.hour, state?.prevHour])
    if (r && r.bucket >= h - LEVEL_MS.hour) upper = max(upper, r.max.balance);
  const lower = state?.hour?.bucket === h ? state.hour.max.balance : null;
  return { upper, lower };
}

/**
 * The levels after one newly stored point of a series. The series keeps its latest hour and day
 * open on its own row; a point in a later bucket closes the open row into the level table. A
 * point older than the open bucket (an import of older history) updates the table's row.
 */
export async function addToLevels(
  tx: HistoryTx,
  state: Pick<SeriesState, 'hour' | 'prevHour' | 'day'>,
  p: PointRow,
): Promise<Pick<SeriesState, 'hour' | 'prevHour' | 'day'>> {
  const next = { hour: state.hour, prevHour: state.prevHour, day: state.day };
  for (const level of ['hour', 'day'] as const) {
    const open = state[level];
    const bucket = bucketOf(level, p.t);
    if (!open || open.bucket === bucket) next[level] = addToLevel(open, level, p);
    else if (open.bucket < bucket) {
      await tx.putLevels(level, [open]);
      next[level] = addToLevel(null, level, p);
      if (level === 'hour') next.prevHour = open;
    } else {
      const [stored] = await tx.levelRows(level, [{ series: p.series, bucket }]);
      const row = addToLevel(stored, level, p);
      await tx.putLevels(level, [row]);
      if (level === 'hour' && state.prevHour?.bucket === bucket) next.prevHour = row;
    }
  }
  return next;
}
