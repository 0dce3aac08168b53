import type { HistoryLine } from '../../src/core/history.ts';
import type { Pool } from '../../src/core/pool-schema.ts';
import { indexSymbolOf } from '../../src/core/asset-index.ts';
import { toEntry } from '../../src/core/adl.ts';
import type { HistoryReader, SeriesRow, TimedValue } from './adapter.ts';

const CHUNK = 500;

/**
 * The recorded history as export lines, oldest first: one line per stored observation, its
 * answer rebuilt from the memberships and each series' latest point at or before it (a point
 * whose `updateTime` runs ahead of the server's clock shows from the next observation on), with
 * the start of its coverage and the index of its assets. Read in chunks of observations.
 * The ADL rating changes ride on the first line at or after their `updateTime` (those after the
 * last line, on the last line), so every change in the range is exported once.
 */
export async function* exportLines(
  db: HistoryReader,
  from = 0,
  to = Number.MAX_SAFE_INTEGER,
): AsyncGenerator<HistoryLine> {
  let cursor = from;
  for (;;) {
    const times = await db.observations(cursor, to, CHUNK);
    if (times.length === 0) return;
    const first = times[0]!;
    const last = times.at(-1)!;
    const rows = await db.membershipsOverlapping(first, last);
    const pools = new Map(
      (await db.pools([...new Set(rows.map((r) => r.pool))])).map((p) => [p.id, p]),
    );
    const series = await db.seriesOfPools([...pools.keys()]);
    const state = new Map<number, TimedValue>();
    for (const s of series) {
      const p = await db.pointAtOrBefore(s.id, first - 1);
      if (p) state.set(s.id, p);
    }
    const points = await db.pointsOfMany(
      series.map((s) => s.id),
      first,
      last,
    );
    const bySeriesPool = new Map<number, SeriesRow[]>();
    for (const s of series) bySeriesPool.set(s.pool, [...(bySeriesPool.get(s.pool) ?? []), s]);
    const assets = [...new Set(series.map((s) => s.asset))];
    const indexState = new Map<string, { t: number; index: string }>();
    const indexPoints = [];
    for (const a of assets) {
      const before = await db.indexAtOrBefore(a, first - 1);
      if (before) indexState.set(a, before);
      indexPoints.push(...(await db.indexPoints(a, first, last)));
    }
    indexPoints.sort((x, y) => x.t - y.t);
    const coverage = await db.coverage(first, last);
    const next = times.length < CHUNK ? null : (await db.observationNeighbours(last)).next;
    const final = next === null || next > to;
    const adl = await db.adlChanges(cursor, final ? to : last);
    let ai = 0;
    let pi = 0;
    let ii = 0;
    for (const t of times) {
      while (pi < points.length && points[pi]!.t <= t) state.set(points[pi]!.series, points[pi++]!);
      while (ii < indexPoints.length && indexPoints[ii]!.t <= t)
        indexState.set(indexPoints[ii]!.asset, indexPoints[ii++]!);
      const answer: Pool[] = [];
      const used = new Set<string>();
      for (const r of rows) {
        if (r.from > t || r.to < t) continue;
        const assetsOf = [];
        for (const s of bySeriesPool.get(r.pool) ?? []) {
          const p = state.get(s.id);
          if (!p) continue;
          used.add(s.asset);
          assetsOf.push({ asset: s.asset, marginBalance: p.balance, updateTime: p.t });
        }
        answer.push({ symbols: pools.get(r.pool)!.symbols, assets: assetsOf });
      }
      const cov = coverage.find((c) => c.from <= t && t <= c.to);
      const index = [...used].flatMap((a) => {
        const x = indexState.get(a);
        return x ? [{ symbol: indexSymbolOf(a), index: x.index, time: x.t }] : [];
      });
      const upTo = final && t === last ? adl.length : adl.findIndex((r) => r.updateTime > t);
      const ratings = adl.slice(ai, upTo === -1 ? adl.length : upTo).map(toEntry);
      ai += ratings.length;
      yield {
        observedAt: t,
        answer,
        ...(cov ? { coveredSince: cov.from } : {}),
        ...(index.length > 0 ? { index } : {}),
        ...(ratings.length > 0 ? { adl: ratings } : {}),
      };
    }
    if (times.length < CHUNK) return;
    cursor = last + 1;
  }
}
