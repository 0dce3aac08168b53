import { LEVEL_MS, type HistoryReader, type TimedValue } from './adapter.ts';
import { lastPerBucket, levelFor } from './buckets.ts';

/**
 * The points of one series over `[lo, hi]`, each the last of its bucket of width `w`. A width of
 * whole hours or days is served from that level: its rows inside the range, and the raw last
 * point of the partial buckets at either edge. Finer widths read the raw points.
 */
export async function thinSeries(
  db: HistoryReader,
  series: number,
  lo: number,
  hi: number,
  w: number,
): Promise<{ points: TimedValue[]; dropped: boolean }> {
  if (hi < lo) return { points: [], dropped: false };
  const level = levelFor(w);
  if (!level) {
    const raw = await db.points(series, lo, hi);
    const { kept, dropped } = lastPerBucket(raw, w);
    return { points: kept.map(({ t, balance }) => ({ t, balance })), dropped };
  }
  const lw = LEVEL_MS[level];
  const firstFull = Math.ceil(lo / lw) * lw;
  const lastFullEnd = Math.floor((hi + 1) / lw) * lw - 1;
  const items: TimedValue[] = [];
  let dropped = false;
  if (firstFull > lastFullEnd) {
    const raw = await db.points(series, lo, hi);
    const r = lastPerBucket(raw, w);
    return { points: r.kept.map(({ t, balance }) => ({ t, balance })), dropped: r.dropped };
  }
  if (firstFull > lo) {
    const head = await db.lastPointIn(series, lo, firstFull - 1);
    if (head) items.push(head);
  }
  for (const row of await db.levels(level, series, firstFull, lastFullEnd - lw + 1)) {
    items.push(row.last);
    if (row.n > 1) dropped = true;
  }
  if (lastFullEnd < hi) {
    const tail = await db.lastPointIn(series, lastFullEnd + 1, hi);
    if (tail) items.push(tail);
  }
  const r = lastPerBucket(items, w);
  return {
    points: r.kept.map(({ t, balance }) => ({ t, balance })),
    dropped: dropped || r.dropped,
  };
}
