import { MAX_POINTS, type HistoryAnswer, type Membership } from '../../src/core/history.ts';
import type { HistoryReader, TimedValue } from './adapter.ts';
import { bucketWidth, lastPerBucket } from './buckets.ts';
import { assetsOfPath, symbolPath, type Segment } from './series-path.ts';
import { thinSeries } from './thin-series.ts';

export interface HistoryQuery {
  symbol: string;
  from?: number;
  to?: number;
  points?: number;
}

/**
 * Points a series carries when the request names no number: whatever the range, an answer reads
 * the hourly or daily levels once its buckets are an hour wide, never every stored row of a year.
 * A request may ask for up to MAX_POINTS.
 */
export const DEFAULT_POINTS = 1_000;

/** At most this many memberships and coverage intervals in one answer (the newest kept). */
const MAX_INTERVALS = 2_000;

/** The balance of `asset` along the path, thinned to buckets of width `w`. */
export async function pathSeries(
  db: HistoryReader,
  path: readonly Segment[],
  asset: string,
  w: number,
) {
  const parts: TimedValue[] = [];
  let dropped = false;
  for (const seg of path) {
    const s = seg.series.find((x) => x.asset === asset);
    if (!s) continue;
    const r = await thinSeries(db, s, seg.lo, seg.hi, w);
    parts.push(...r.points);
    dropped ||= r.dropped;
  }
  const r = lastPerBucket(parts, w);
  return { points: r.kept, dropped: dropped || r.dropped };
}

/** The whole history of the symbol when no range is given: from its first point to the latest recording. */
async function defaultRange(db: HistoryReader, symbol: string) {
  const bounds = await db.observationBounds();
  const whole = await symbolPath(db, symbol, 0, Number.MAX_SAFE_INTEGER);
  let first = bounds?.first ?? 0;
  let last = bounds?.last ?? 0;
  for (const seg of whole ?? []) {
    first = Math.min(first, seg.from);
    for (const s of seg.series) {
      const p = await db.points(s.id, 0, Number.MAX_SAFE_INTEGER, 1);
      if (p[0]) first = Math.min(first, p[0].t);
      if (s.last) last = Math.max(last, s.last.t);
    }
  }
  return { first, last };
}

/** `GET /api/history`, or `null` when the history never saw the symbol. */
export async function answerHistory(
  db: HistoryReader,
  q: HistoryQuery,
  signal?: AbortSignal,
): Promise<HistoryAnswer | null> {
  if ((await db.symbolId(q.symbol)) === undefined) return null;
  const range =
    q.from === undefined || q.to === undefined ? await defaultRange(db, q.symbol) : null;
  const from = q.from ?? range!.first;
  const to = Math.max(from, q.to ?? range!.last);
  const w = bucketWidth(from, to, Math.min(q.points ?? DEFAULT_POINTS, MAX_POINTS));
  signal?.throwIfAborted();
  const path = (await symbolPath(db, q.symbol, from, to)) ?? [];
  const series = [];
  const index = [];
  let thinned = false;
  for (const asset of assetsOfPath(path)) {
    signal?.throwIfAborted();
    const r = await pathSeries(db, path, asset, w);
    thinned ||= r.dropped;
    series.push({ asset, points: r.points });
    const rows = await db.indexPoints(asset, from, to);
    const before = rows[0]?.t === from ? null : await db.indexAtOrBefore(asset, from);
    const all = [...(before ? [before] : []), ...rows].map((x) => ({ t: x.t, index: x.index }));
    if (all.length > 0) index.push({ asset, points: lastPerBucket(all, w).kept });
  }
  const pools: Membership[] = path.slice(-MAX_INTERVALS).map((s) => ({
    from: s.from,
    to: s.open ? null : s.to,
    symbols: s.pool.symbols,
  }));
  const coverage = (await db.coverage(from, to))
    .slice(-MAX_INTERVALS)
    .map((c) => [Math.max(c.from, from), Math.min(c.to, to)] as [number, number]);
  return {
    symbol: q.symbol,
    from,
    to,
    series,
    pools,
    coverage,
    ...(index.length > 0 ? { index } : {}),
    ...(thinned ? { thinned: true } : {}),
  };
}
