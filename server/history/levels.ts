import {
  LEVEL_MS,
  type HistoryTx,
  type HourMax,
  type Level,
  type LevelRow,
  type PointRow,
} from './adapter.ts';
import { compareDecimals } from '../../src/core/decimal.ts';

const H = LEVEL_MS.hour;
export const bucketOf = (level: Level, t: number) =>
  Math.floor(t / LEVEL_MS[level]) * LEVEL_MS[level];

type Value = { t: number; balance: string };
const lower = (a: Value, b: Value) => {
  const c = compareDecimals(a.balance, b.balance);
  return c < 0 || (c === 0 && a.t < b.t) ? a : b;
};
const higher = (a: Value, b: Value) => {
  const c = compareDecimals(a.balance, b.balance);
  return c > 0 || (c === 0 && a.t < b.t) ? a : b;
};

/** Two aggregates of one bucket as one: counts add, `last` by time, `min`/`max` exactly (the earlier on a tie). */
export function mergeLevel(a: LevelRow | null | undefined, b: LevelRow): LevelRow {
  if (!a) return b;
  return {
    ...a,
    n: a.n + b.n,
    last: b.last.t > a.last.t ? b.last : a.last,
    min: lower(a.min, b.min),
    max: higher(a.max, b.max),
  };
}

const single = (level: Level, p: PointRow): LevelRow => {
  const v = { t: p.t, balance: p.balance };
  return { series: p.series, bucket: bucketOf(level, p.t), n: 1, last: v, min: v, max: v };
};

/**
 * The hourly rows of points ascending by `t`, in order: as merging each point's own row into its
 * hour's, without a row a point (a later point replaces the low or the high only when strictly
 * lower or higher, the earlier kept on a tie).
 */
export function hourRowsOf(raw: readonly PointRow[]): LevelRow[] {
  const hours: LevelRow[] = [];
  let row: LevelRow | undefined;
  for (const p of raw) {
    const bucket = bucketOf('hour', p.t);
    const v = { t: p.t, balance: p.balance };
    if (row?.bucket !== bucket) {
      hours.push((row = { series: p.series, bucket, n: 1, last: v, min: v, max: v }));
      continue;
    }
    row.n += 1;
    row.last = v;
    if (compareDecimals(p.balance, row.min.balance) < 0) row.min = v;
    else if (compareDecimals(p.balance, row.max.balance) > 0) row.max = v;
  }
  return hours;
}

/**
 * Counts the series' points of `[from, to)` into the hourly and daily rows. Called once the
 * hours of that range are complete (the series has a point in a later hour), so each point is
 * counted once: the raw points are the truth, the levels a summary made from them.
 */
export async function fillLevels(tx: HistoryTx, series: number, from: number, to: number) {
  const raw = await tx.points(series, from, to - 1);
  if (raw.length === 0) return;
  const hours = hourRowsOf(raw);
  await tx.putLevels('hour', hours);
  const days = new Map<number, LevelRow>();
  for (const h of hours) {
    const d = bucketOf('day', h.bucket);
    days.set(d, mergeLevel(days.get(d), { ...h, bucket: d }));
  }
  const stored = new Map(
    (
      await tx.levelRows(
        'day',
        [...days.keys()].map((bucket) => ({ series, bucket })),
      )
    ).map((r) => [r.bucket, r]),
  );
  await tx.putLevels(
    'day',
    [...days.values()].map((d) => mergeLevel(stored.get(d.bucket), d)),
  );
}

/** A point older than what the levels already count (an import of older history): into its rows at once. */
export async function addOldPoint(tx: HistoryTx, p: PointRow) {
  for (const level of ['hour', 'day'] as const) {
    const [row] = await tx.levelRows(level, [{ series: p.series, bucket: bucketOf(level, p.t) }]);
    await tx.putLevels(level, [mergeLevel(row, single(level, p))]);
  }
}

/** The hour maxima after a point newer than the series' latest. */
export function nextHourMax(h: HourMax | null, p: PointRow): HourMax {
  const bucket = bucketOf('hour', p.t);
  if (h?.bucket === bucket)
    return { ...h, max: compareDecimals(p.balance, h.max) > 0 ? p.balance : h.max };
  return { bucket, max: p.balance, prevMax: h?.bucket === bucket - H ? h.max : null };
}

/**
 * Bounds of the highest balance in the hour before `t`, for a point newer than the series'
 * latest: that hour lies in `t`'s hour and the one before (upper bound), and `t`'s own hour so
 * far lies in it (lower bound).
 */
export function hourHighBounds(h: HourMax | null | undefined, t: number) {
  const bucket = bucketOf('hour', t);
  const candidates: string[] = [];
  if (h && h.bucket >= bucket - H) candidates.push(h.max);
  if (h && h.bucket >= bucket && h.prevMax !== null) candidates.push(h.prevMax);
  const upper = candidates.reduce<string | null>(
    (m, v) => (m === null || compareDecimals(v, m) > 0 ? v : m),
    null,
  );
  return { upper, lower: h?.bucket === bucket ? h.max : null };
}

/**
 * Counts the complete hours of up to `limit` series that are behind into the levels, in the
 * caller's transaction; returns how many it did (fewer than `limit`: none is behind any more).
 */
export async function catchUpLevels(tx: HistoryTx, limit: number): Promise<number> {
  const behind = await tx.seriesBehind(limit);
  const done = [];
  for (const s of behind) {
    if (!s.last || s.levelsTo === null) continue;
    const upTo = bucketOf('hour', s.last.t);
    await fillLevels(tx, s.id, s.levelsTo, upTo);
    done.push({ ...s, levelsTo: upTo });
  }
  await tx.putSeriesState(done);
  return behind.length;
}
