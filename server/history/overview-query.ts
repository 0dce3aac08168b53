import { compareBalances as compareDecimals } from './compare.ts';
import {
  CHANGE_WINDOW_NAMES,
  CHANGE_WINDOWS,
  type OverviewAnswer,
  type OverviewPool,
} from '../../src/core/history.ts';
import { leadingSymbols } from '../../src/core/pools.ts';
import { LEVEL_MS, type HistoryReader, type TimedValue } from './adapter.ts';
import { bucketWidth, lastPerBucket } from './buckets.ts';
import { pathSeries } from './history-query.ts';
import { maxIn } from './thin-series.ts';
import { symbolPath, type Segment } from './series-path.ts';

const DAY = 86_400_000;
const WEEK = CHANGE_WINDOWS['7d'];
/** The sparkline is read from the hourly level at finest: the overview of 600 pools stays cheap. */
const SPARK_MIN_WIDTH = LEVEL_MS.hour;

/**
 * The overview is computed once per recording at its finest sparkline (hourly buckets, which any
 * `spark` of 25 or more gets), and each `spark` is thinned from it (`thinSpark`): the widths
 * from an hour up nest, so a thinned sparkline is exactly the one computed for it.
 */
export const SPARK_COMPUTED = 500;

const sparkWidth = (latest: number, spark: number) =>
  Math.max(bucketWidth(latest - DAY, latest, spark), SPARK_MIN_WIDTH);

/** The overview with each sparkline thinned to `spark` points. */
export function thinSpark(answer: OverviewAnswer, spark: number): OverviewAnswer {
  if (spark >= SPARK_COMPUTED) return answer;
  return {
    ...answer,
    pools: answer.pools.map((p) => ({
      ...p,
      assets: p.assets.map((a) => ({
        ...a,
        spark: lastPerBucket(a.spark, sparkWidth(a.latest.t, spark)).kept.slice(-spark),
      })),
    })),
  };
}

/** The part of a path within `[from, to]` (as `symbolPath` over that range would give it). */
function within(path: readonly Segment[], from: number, to: number): Segment[] {
  return path
    .map((g) => ({ ...g, lo: Math.max(g.lo, from), hi: Math.min(g.hi, to) }))
    .filter((g) => g.lo <= g.hi);
}

const seriesAt = (seg: Segment | undefined, asset: string) =>
  seg?.series.find((s) => s.asset === asset);

/** The median time between the pool's last distinct `updateTime`s, `null` with fewer than two. */
async function intervalOf(
  db: HistoryReader,
  series: number | undefined,
  at: number,
): Promise<number | null> {
  if (series === undefined) return null;
  const pts = await db.lastPoints(series, at, 21);
  const gaps = pts
    .slice(1)
    .map((p, i) => p.t - pts[i]!.t)
    .sort((a, b) => a - b);
  return gaps.length === 0 ? null : gaps[Math.floor((gaps.length - 1) / 2)]!;
}

async function overviewPool(
  db: HistoryReader,
  key: string,
  symbols: string[],
  first: number,
  spark: number,
): Promise<OverviewPool | null> {
  const follows = leadingSymbols({ symbols, assets: [] })[0] ?? symbols[0];
  if (follows === undefined) return null;
  const full = await symbolPath(db, follows, 0, Number.MAX_SAFE_INTEGER);
  const current = full?.at(-1);
  if (!full || !current) return null;
  const assets = [];
  let latestT = 0;
  for (const s of current.series) {
    if (!s.last) continue;
    const latest = s.last;
    latestT = Math.max(latestT, latest.t);
    const weekPath = within(full, latest.t - WEEK, latest.t);
    const ref = {} as Record<(typeof CHANGE_WINDOW_NAMES)[number], TimedValue | null>;
    for (const name of CHANGE_WINDOW_NAMES) {
      const at = latest.t - CHANGE_WINDOWS[name];
      const seg = full.find((g) => g.lo <= at && at <= g.hi) ?? full.findLast((g) => g.from <= at);
      const series = seriesAt(seg, s.asset);
      const p = at < first || !series ? null : await db.pointAtOrBefore(series.id, at);
      ref[name] = p ? { t: p.t, balance: p.balance } : null;
    }
    let peak: TimedValue | null = null;
    for (const seg of weekPath) {
      const series = seriesAt(seg, s.asset);
      const m = series ? await maxIn(db, series, seg.lo, seg.hi, compareDecimals) : null;
      if (m && (!peak || compareDecimals(m.balance, peak.balance) > 0)) peak = m;
    }
    const from = latest.t - DAY;
    const w = sparkWidth(latest.t, spark);
    const dayPath = weekPath
      .filter((g) => g.hi >= from)
      .map((g) => ({ ...g, lo: Math.max(g.lo, from) }));
    const sparkPoints = (await pathSeries(db, dayPath, s.asset, w)).points.slice(-spark);
    assets.push({ asset: s.asset, latest, ref, peak7d: peak, spark: sparkPoints });
  }
  const regrouped = {} as Record<(typeof CHANGE_WINDOW_NAMES)[number], boolean>;
  for (const name of CHANGE_WINDOW_NAMES) {
    const since = (latestT || current.to) - CHANGE_WINDOWS[name];
    regrouped[name] = full.slice(1).some((g) => g.from > since);
  }
  return {
    key,
    symbols,
    follows,
    interval: await intervalOf(db, current.series[0]?.id, latestT || current.to),
    regrouped,
    assets,
  };
}

/** `GET /api/overview?spark=N`: every pool of the latest recording and what its history says. */
export async function answerOverview(db: HistoryReader, spark: number): Promise<OverviewAnswer> {
  const bounds = await db.observationBounds();
  if (!bounds) return { at: null, coverage: [], pools: [] };
  const rows = await db.membershipsAt(bounds.last);
  const pools = await db.pools([...new Set(rows.map((r) => r.pool))]);
  const out: OverviewPool[] = [];
  for (const [i, p] of pools.entries()) {
    const o = await overviewPool(db, p.key, p.symbols, bounds.first, spark);
    if (o) out.push(o);
    // Hundreds of pools take a while: let other requests in between.
    if (i % 25 === 24) await new Promise((r) => setImmediate(r));
  }
  const coverage = (await db.coverage(bounds.last - WEEK, bounds.last)).map(
    (c) => [c.from, c.to] as [number, number],
  );
  return { at: bounds.last, coverage, pools: out };
}
