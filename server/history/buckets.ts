import { LEVEL_MS, type Level } from './adapter.ts';

/**
 * Thinning: a range is cut into buckets of one width aligned to the epoch (`floor(t / w)`), and
 * each bucket keeps its last point. Widths come from a fixed ladder; from an hour up every width
 * is a whole number of hours, from a day up of UTC days, so a bucket is a union of hourly or
 * daily level rows and the answer is the same whichever level serves it.
 */
const S = 1_000;
const M = 60 * S;
const H = 60 * M;
const D = 24 * H;
const LADDER = [
  1,
  2,
  5,
  10,
  20,
  50,
  100,
  200,
  500,
  S,
  2 * S,
  5 * S,
  10 * S,
  15 * S,
  30 * S,
  M,
  2 * M,
  3 * M,
  5 * M,
  10 * M,
  15 * M,
  20 * M,
  30 * M,
  H,
  2 * H,
  3 * H,
  4 * H,
  6 * H,
  8 * H,
  12 * H,
  D,
  2 * D,
  3 * D,
  4 * D,
  5 * D,
  6 * D,
  7 * D,
  10 * D,
  14 * D,
  15 * D,
  20 * D,
  30 * D,
];

const bucketsIn = (from: number, to: number, w: number) =>
  Math.floor(to / w) - Math.floor(from / w) + 1;

/** The narrowest width that cuts `[from, to]` into at most `n` buckets. */
export function bucketWidth(from: number, to: number, n: number): number {
  for (const w of LADDER) if (bucketsIn(from, to, w) <= n) return w;
  let w = Math.ceil((to - from) / n / (30 * D)) * 30 * D;
  while (bucketsIn(from, to, w) > n) w += 30 * D;
  return w;
}

/** The coarsest level whose buckets nest in buckets of width `w`, or `null` (raw points). */
export function levelFor(w: number): Level | null {
  if (w % LEVEL_MS.day === 0) return 'day';
  if (w % LEVEL_MS.hour === 0) return 'hour';
  return null;
}

/** The last item of each bucket, from items ascending by `t`; and whether any was dropped. */
export function lastPerBucket<T extends { t: number }>(
  items: readonly T[],
  w: number,
): { kept: T[]; dropped: boolean } {
  const kept: T[] = [];
  let bucket = NaN;
  let dropped = false;
  for (const item of items) {
    const b = Math.floor(item.t / w);
    if (b === bucket) {
      kept[kept.length - 1] = item;
      dropped = true;
    } else kept.push(item);
    bucket = b;
  }
  return { kept, dropped };
}
