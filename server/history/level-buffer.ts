import type { HistoryTx, LevelRow, PointRow } from './adapter.ts';
import { addOldPoint, bucketOf, hourRowsOf, mergeLevel } from './levels.ts';

/**
 * The levels of one series as a transaction counts them (see `fillLevels`, whose result this
 * gives): `points` are every stored point of the series from `from` (its `levelsTo`) on,
 * ascending, once read (`null` until then), so counting a complete hour reads nothing; `day` is
 * the daily row being added to, written when the count moves to another day or the transaction
 * ends rather than at every hour.
 */
export interface LevelBuffer {
  from: number;
  points: PointRow[] | null;
  day: LevelRow | null;
  dirty: boolean;
}

const END = Number.MAX_SAFE_INTEGER;

function bufferOf(levels: Map<number, LevelBuffer>, series: number, from: number): LevelBuffer {
  let b = levels.get(series);
  if (!b) levels.set(series, (b = { from, points: null, day: null, dirty: false }));
  if (b.from !== from) Object.assign(b, { from, points: null });
  return b;
}

async function writeDay(tx: HistoryTx, b: LevelBuffer) {
  if (b.day && b.dirty) await tx.putLevels('day', [b.day]);
  b.dirty = false;
}

/** A point just stored at or after the series' `levelsTo` (not yet counted). */
export function notePoint(levels: Map<number, LevelBuffer>, p: PointRow, levelsTo: number) {
  const b = levels.get(p.series);
  if (!b?.points || b.from !== levelsTo) return;
  let i = b.points.length;
  while (i > 0 && b.points[i - 1]!.t > p.t) i -= 1;
  b.points.splice(i, 0, p);
}

/** A point older than what the levels count: into its rows at once, the buffered day row first. */
export async function addOldPointBuffered(
  tx: HistoryTx,
  levels: Map<number, LevelBuffer>,
  p: PointRow,
) {
  const b = levels.get(p.series);
  if (b) {
    await writeDay(tx, b);
    b.day = null;
  }
  await addOldPoint(tx, p);
}

/**
 * Counts the points of `[from, to)` into the hourly and daily rows, as `fillLevels` does. A day
 * that begins at or after `from` has nothing counted yet (`levelsTo` only grows, and a row counts
 * only points before it), so its stored row is not looked for.
 */
export async function fillBuffered(
  tx: HistoryTx,
  levels: Map<number, LevelBuffer>,
  series: number,
  from: number,
  to: number,
) {
  const b = bufferOf(levels, series, from);
  let raw: PointRow[];
  if (b.points) {
    let n = 0;
    while (n < b.points.length && b.points[n]!.t < to) n += 1;
    raw = b.points.slice(0, n);
    b.points = b.points.slice(n);
  } else {
    raw = await tx.points(series, from, to - 1);
    b.points = await tx.points(series, to, END);
  }
  b.from = to;
  if (raw.length === 0) return;
  const hours = hourRowsOf(raw);
  await tx.putLevels('hour', hours);
  for (const h of hours) {
    const d = bucketOf('day', h.bucket);
    if (b.day?.bucket !== d) {
      await writeDay(tx, b);
      b.day = d >= from ? null : ((await tx.levelRows('day', [{ series, bucket: d }]))[0] ?? null);
    }
    b.day = mergeLevel(b.day, { ...h, bucket: d });
    b.dirty = true;
  }
}

/** Writes every buffered day row. */
export async function flushLevels(tx: HistoryTx, levels: Map<number, LevelBuffer>) {
  const rows = [];
  for (const b of levels.values())
    if (b.day && b.dirty) {
      rows.push(b.day);
      b.dirty = false;
    }
  if (rows.length > 0) await tx.putLevels('day', rows);
}
