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

/** Adds newly stored points to the hourly and daily levels (points already stored must not be given twice). */
export async function addToLevels(tx: HistoryTx, points: readonly PointRow[]) {
  if (points.length === 0) return;
  for (const level of LEVELS) {
    const w = LEVEL_MS[level];
    const key = (series: number, bucket: number) => `${series}:${bucket}`;
    const wanted = new Map<string, { series: number; bucket: number }>();
    for (const p of points) {
      const bucket = Math.floor(p.t / w) * w;
      wanted.set(key(p.series, bucket), { series: p.series, bucket });
    }
    const rows = new Map<string, LevelRow>();
    for (const r of await tx.levelRows(level, [...wanted.values()]))
      rows.set(key(r.series, r.bucket), r);
    for (const p of points) {
      const k = key(p.series, Math.floor(p.t / w) * w);
      rows.set(k, addToLevel(rows.get(k), level, p));
    }
    await tx.putLevels(
      level,
      [...rows.values()].filter((r) => wanted.has(key(r.series, r.bucket))),
    );
  }
}
