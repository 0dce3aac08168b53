import { compareDecimals } from '../../src/core/decimal.ts';
import { LEVEL_MS, type HistoryTx, type Level, type LevelRow, type PointRow } from './adapter.ts';

const LEVELS: Level[] = ['hour', 'day'];

/** A level row with one more point: `last` by time, `min`/`max` compared exactly, the earlier kept on a tie. */
export function addToLevel(row: LevelRow | undefined, level: Level, p: PointRow): LevelRow {
  const v = { t: p.t, balance: p.balance };
  const bucket = Math.floor(p.t / LEVEL_MS[level]) * LEVEL_MS[level];
  if (!row) return { series: p.series, bucket, n: 1, last: v, min: v, max: v };
  const c = (a: typeof v, b: typeof v) => compareDecimals(a.balance, b.balance) || a.t - b.t;
  return {
    ...row,
    n: row.n + 1,
    last: p.t > row.last.t ? v : row.last,
    min: c(v, row.min) < 0 ? v : row.min,
    max:
      compareDecimals(v.balance, row.max.balance) > 0 ||
      (compareDecimals(v.balance, row.max.balance) === 0 && v.t < row.max.t)
        ? v
        : row.max,
  };
}

const key = (series: number, bucket: number) => `${series}:${bucket}`;

/**
 * Within one transaction (which holds the write lock, so memory and database agree) the level
 * rows last written are kept, one per series and level: an import or the demo seed, writing
 * thousands of snapshots in one transaction, then reads no row it has just written.
 */
const written = new WeakMap<HistoryTx, Map<string, LevelRow[]>>();
const KEEP = 2;

/**
 * Adds newly stored points to the hourly and daily levels (points already stored must not be
 * given twice). Returns the hourly rows of each point's hour and the hour before as they were
 * before these points: the drop check reads a bound of the hour's high from them.
 */
export async function addToLevels(
  tx: HistoryTx,
  points: readonly PointRow[],
): Promise<Map<string, LevelRow>> {
  const before = new Map<string, LevelRow>();
  if (points.length === 0) return before;
  let memo = written.get(tx);
  if (!memo) written.set(tx, (memo = new Map()));
  for (const level of LEVELS) {
    const w = LEVEL_MS[level];
    const rows = new Map<string, LevelRow>();
    const wanted = new Map<string, { series: number; bucket: number }>();
    for (const p of points) {
      const bucket = Math.floor(p.t / w) * w;
      for (const b of level === 'hour' ? [bucket, bucket - w] : [bucket]) {
        const known = memo.get(`${level}:${p.series}`)?.find((r) => r.bucket === b);
        if (known) rows.set(key(p.series, b), known);
        else wanted.set(key(p.series, b), { series: p.series, bucket: b });
      }
    }
    for (const r of await tx.levelRows(level, [...wanted.values()]))
      rows.set(key(r.series, r.bucket), r);
    if (level === 'hour') for (const [k, r] of rows) before.set(k, r);
    const changed = new Map<string, LevelRow>();
    for (const p of points) {
      const k = key(p.series, Math.floor(p.t / w) * w);
      const row = addToLevel(changed.get(k) ?? rows.get(k), level, p);
      changed.set(k, row);
      const m = (memo.get(`${level}:${p.series}`) ?? []).filter((r) => r.bucket !== row.bucket);
      m.push(row);
      m.sort((a, b) => a.bucket - b.bucket);
      memo.set(`${level}:${p.series}`, m.slice(-KEEP));
    }
    await tx.putLevels(level, [...changed.values()]);
  }
  return before;
}

/** The highest balance the hourly rows allow in the hour before `t`: at least the true high. */
export function hourHighBound(
  rows: Map<string, LevelRow>,
  series: number,
  t: number,
): string | null {
  const h = LEVEL_MS.hour;
  const bucket = Math.floor(t / h) * h;
  let high: string | null = null;
  for (const b of [bucket, bucket - h]) {
    const r = rows.get(key(series, b));
    if (r && (high === null || compareDecimals(r.max.balance, high) > 0)) high = r.max.balance;
  }
  return high;
}
