import type { MomentAnswer } from '../../src/core/moment.ts';
import type { Pool } from '../../src/core/pool-schema.ts';
import type { HistoryPoint } from '../../src/core/history.ts';
import { indexSymbolOf } from '../../src/core/valuation.ts';
import { LEVEL_MS, type HistoryReader, type PoolRow, type SeriesRow } from './adapter.ts';
import { bucketOf } from './levels.ts';

/** How many series are read in one query. */
const CHUNK = 500;
/** How far back the daily level is searched before one seek in a series' own points decides. */
const DAYS_SEARCHED = 31;

/**
 * Each series' last point with `t <= at`: its latest point when that is not after `at`; else read
 * from the coarse levels down: the raw points of `at`'s own hour for every series at once (those
 * since the recording before first, as a moving balance has one there); for a series without one, the `last` of the hourly
 * level's rows of the 24 hours before, then the daily level's rows of the month before those
 * (each day read lies wholly before `at`'s hour); a series quiet for longer, or whose levels do
 * not count that far yet (its `levelsTo`), by one seek in its own points. Every step is a few
 * indexed reads whatever the age of `at`, so a year back costs what an hour back does.
 */
async function lastValues(
  db: HistoryReader,
  series: readonly SeriesRow[],
  at: number,
  previous: number | null,
  signal?: AbortSignal,
): Promise<Map<number, HistoryPoint>> {
  const H = LEVEL_MS.hour;
  const D = LEVEL_MS.day;
  const found = new Map<number, HistoryPoint>();
  const keep = (id: number, v: HistoryPoint) => {
    const had = found.get(id);
    if (!had || v.t > had.t) found.set(id, { t: v.t, balance: v.balance });
  };
  // A series whose latest point is not after `at` has that point as its value: nothing to read.
  for (const s of series) if (s.last && s.last.t <= at) keep(s.id, s.last);
  const rest = series.filter((s) => !found.has(s.id));
  const hour = bucketOf('hour', at);
  // A balance that moves moves between two recordings: the points since the recording before
  // `at` answer most series with one point each; the rest of the hour answers the others.
  const spans =
    previous !== null && previous > hour
      ? [
          [previous, at],
          [hour, previous - 1],
        ]
      : [[hour, at]];
  for (const [from, to] of spans) {
    const asked = rest.filter((s) => !found.has(s.id));
    for (let i = 0; i < asked.length; i += CHUNK) {
      signal?.throwIfAborted();
      const ids = asked.slice(i, i + CHUNK).map((s) => s.id);
      for (const p of await db.pointsOfMany(ids, from!, to!)) keep(p.series, p);
    }
  }
  let missing = rest.filter((s) => !found.has(s.id));
  // Where the levels count every point before `hour`, they answer; the others are sought.
  const counted = missing.filter((s) => (s.levelsTo ?? 0) >= hour);
  const sought = missing.filter((s) => (s.levelsTo ?? 0) < hour);
  // The hours of `at`'s day before its hour, then the whole days before that day.
  const day = bucketOf('day', hour);
  const hourKeys = counted.flatMap((s) =>
    Array.from({ length: (hour - day) / H }, (_, k) => ({ series: s.id, bucket: day + k * H })),
  );
  signal?.throwIfAborted();
  for (const r of await db.levelRows('hour', hourKeys)) keep(r.series, r.last);
  missing = counted.filter((s) => !found.has(s.id));
  const dayKeys = missing.flatMap((s) =>
    Array.from({ length: DAYS_SEARCHED }, (_, k) => ({ series: s.id, bucket: day - (k + 1) * D })),
  );
  signal?.throwIfAborted();
  for (const r of await db.levelRows('day', dayKeys)) keep(r.series, r.last);
  for (const s of [...sought, ...missing.filter((x) => !found.has(x.id))]) {
    signal?.throwIfAborted();
    const p = await db.pointAtOrBefore(s.id, at);
    if (p) keep(s.id, p);
  }
  return found;
}

/**
 * The pools with these ids. A pool's id never changes meaning (adapter.ts), so each store's pool
 * rows are kept once read: a moment's 600 pools and their thousands of members are not read again
 * for the next moment.
 */
const poolRows = new WeakMap<HistoryReader, Map<number, PoolRow>>();
async function poolsOf(db: HistoryReader, ids: readonly number[]): Promise<PoolRow[]> {
  let known = poolRows.get(db);
  if (!known) poolRows.set(db, (known = new Map()));
  const missing = ids.filter((id) => !known.has(id));
  if (missing.length > 0) for (const p of await db.pools(missing)) known.set(p.id, p);
  return ids.flatMap((id) => known.get(id) ?? []);
}

/**
 * `GET /api/snapshot?at=MS`: the pool list as recorded at the latest observation at or before
 * `at` (the earliest one when `at` precedes none: `null`, a 404), with the memberships of then,
 * each asset's last recorded balance, and the asset index recorded with them. `gap` when `at`
 * lies outside every interval of coverage (a gap, or after the last recording): then
 * `observedAt` says which recording was used instead. Stops at its next read once `signal` is
 * aborted.
 */
export async function answerSnapshot(
  db: HistoryReader,
  at: number,
  signal?: AbortSignal,
): Promise<MomentAnswer | null> {
  const bounds = await db.observationBounds();
  if (!bounds || at < bounds.first) return null;
  const around = await db.observationNeighbours(at);
  const observedAt = around.has ? at : (around.prev ?? bounds.first);
  signal?.throwIfAborted();
  const rows = await db.membershipsAt(observedAt);
  signal?.throwIfAborted();
  const pools = await poolsOf(db, [...new Set(rows.map((r) => r.pool))]);
  const series = await db.seriesOfPools(pools.map((p) => p.id));
  const previous = around.has ? around.prev : (await db.observationNeighbours(observedAt)).prev;
  const values = await lastValues(db, series, observedAt, previous, signal);
  const byPool = new Map<number, SeriesRow[]>();
  for (const s of series) byPool.set(s.pool, [...(byPool.get(s.pool) ?? []), s]);
  const answer: Pool[] = [];
  const assets = new Set<string>();
  for (const p of pools) {
    const held = [];
    for (const s of byPool.get(p.id) ?? []) {
      const v = values.get(s.id);
      if (!v) continue;
      assets.add(s.asset);
      held.push({ asset: s.asset, marginBalance: v.balance, updateTime: v.t });
    }
    answer.push({ symbols: p.symbols, assets: held });
  }
  const index = [];
  for (const a of [...assets].sort()) {
    signal?.throwIfAborted();
    const x = await db.indexAtOrBefore(a, observedAt);
    if (x) index.push({ symbol: indexSymbolOf(a), index: x.index, time: x.t });
  }
  const covered = (await db.coverage(at, at)).some((c) => c.from <= at && at <= c.to);
  return {
    at,
    observedAt,
    answer,
    index,
    range: { first: bounds.first, last: bounds.last },
    ...(covered ? {} : { gap: true }),
  };
}

/** The most coverage intervals `/api/snapshot/range` gives (the newest kept). */
const MAX_INTERVALS = 2_000;

/** `GET /api/snapshot/range`: the first and last recording and the coverage between, for choosing a moment. */
export async function answerSnapshotRange(db: HistoryReader) {
  const bounds = await db.observationBounds();
  if (!bounds) return null;
  const coverage = (await db.coverage(bounds.first, bounds.last))
    .slice(-MAX_INTERVALS)
    .map((c) => [c.from, c.to] as [number, number]);
  return { first: bounds.first, last: bounds.last, coverage };
}
