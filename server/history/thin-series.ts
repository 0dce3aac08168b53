import type { HistoryPoint } from '../../src/core/history.ts';
import { LEVEL_MS, type HistoryReader, type Level, type SeriesRow } from './adapter.ts';
import { lastPerBucket, levelFor } from './buckets.ts';

const finer: Record<Level, Level | null> = { day: 'hour', hour: null };

/** Where each level is complete for the series: the hourly rows count every point before `levelsTo`, the daily rows every point before its day. */
function completeUntil(series: SeriesRow, level: Level): number {
  const to = series.levelsTo ?? 0;
  return level === 'hour' ? to : Math.floor(to / LEVEL_MS.day) * LEVEL_MS.day;
}

/**
 * The last point of each bucket of width `w` (a multiple of `level`'s width, or any width when
 * `level` is null) in `[lo, hi]`, in order, and whether a bucket held more than one. Whole level
 * buckets the level counts completely come from its rows; partial buckets at the edges from one
 * raw point each (the last); the part the level does not count yet from the next finer level.
 */
type Served = { items: HistoryPoint[]; dropped: boolean };

async function serve(
  db: HistoryReader,
  series: SeriesRow,
  level: Level | null,
  lo: number,
  hi: number,
  w: number,
): Promise<Served> {
  if (hi < lo) return { items: [] as HistoryPoint[], dropped: false };
  if (!level) {
    const r = lastPerBucket(await db.points(series.id, lo, hi), w);
    return { items: r.kept as HistoryPoint[], dropped: r.dropped };
  }
  const lw = LEVEL_MS[level];
  const firstFull = Math.ceil(lo / lw) * lw;
  const fullEnd = Math.min(Math.floor((hi + 1) / lw) * lw, completeUntil(series, level)) - 1;
  if (firstFull > fullEnd) return serve(db, series, finer[level], lo, hi, w);
  const items: HistoryPoint[] = [];
  let dropped = false;
  if (firstFull > lo) {
    const head = await db.lastPointIn(series.id, lo, firstFull - 1);
    if (head) items.push(head);
  }
  for (const row of await db.levels(level, series.id, firstFull, fullEnd - lw + 1)) {
    items.push(row.last);
    if (row.n > 1) dropped = true;
  }
  if (fullEnd < hi) {
    const tail: Served = await serve(db, series, finer[level], fullEnd + 1, hi, w);
    items.push(...tail.items);
    dropped ||= tail.dropped;
  }
  return { items, dropped };
}

/**
 * The points of one series over `[lo, hi]`, each the last of its bucket of width `w`: from the
 * hourly or daily level when `w` is a whole number of hours or days, else from the raw points.
 */
export async function thinSeries(
  db: HistoryReader,
  series: SeriesRow,
  lo: number,
  hi: number,
  w: number,
) {
  const { items, dropped } = await serve(db, series, levelFor(w), lo, hi, w);
  const r = lastPerBucket(items, w);
  return {
    points: r.kept.map(({ t, balance }) => ({ t, balance })),
    dropped: dropped || r.dropped,
  };
}

/** The highest balance of the series in `[lo, hi]`: hourly rows where complete, raw points elsewhere. */
export async function maxIn(
  db: HistoryReader,
  series: SeriesRow,
  lo: number,
  hi: number,
  higher: (a: string, b: string) => number,
) {
  const h = LEVEL_MS.hour;
  const firstFull = Math.ceil(lo / h) * h;
  const fullEnd = Math.min(Math.floor((hi + 1) / h) * h, completeUntil(series, 'hour')) - 1;
  const candidates: HistoryPoint[] = [];
  if (firstFull > fullEnd) candidates.push(...(await db.points(series.id, lo, hi)));
  else {
    candidates.push(...(await db.points(series.id, lo, firstFull - 1)));
    for (const r of await db.levels('hour', series.id, firstFull, fullEnd - h + 1))
      candidates.push(r.max);
    candidates.push(...(await db.points(series.id, fullEnd + 1, hi)));
  }
  let best: HistoryPoint | null = null;
  for (const c of candidates)
    if (!best || higher(c.balance, best.balance) > 0) best = { t: c.t, balance: c.balance };
  return best;
}
