import type { AssetIndexEntry } from '../../src/core/asset-index.ts';
import type { Pool } from '../../src/core/pool-schema.ts';
import { poolKey } from '../../src/core/pools.ts';
import type { HistoryTx, PointRow, SeriesRow, SeriesState } from './adapter.ts';
import { addCoverage } from './coverage.ts';
import { detectDrop } from './drops.ts';
import { addOldPoint, bucketOf, fillLevels, hourHighBounds, nextHourMax } from './levels.ts';
import { addMemberships } from './memberships.ts';

/** One snapshot to record: the pool list as the upstream sent it and when it was received. */
export interface Snapshot {
  observedAt: number;
  pools: readonly Pool[];
  /** The asset index used to value it, `<ASSET>USD` entries. */
  index?: readonly AssetIndexEntry[];
  /** The start of the unbroken coverage it belongs to (an import); else coverage grows by the gap rule. */
  coveredSince?: number;
}

/** Series whose complete hours are counted into the levels at one recording, at most. */
const FILL_PER_RECORDING = 120;

export const seriesKey = (pool: string, asset: string) => `${pool}\n${asset}`;

/**
 * Records one snapshot inside a write transaction, diffing it against the state stored in the
 * database (not a memory of this process): a point per series whose `updateTime` is not stored
 * yet, the levels and drop flags those points change, the observation, memberships and coverage.
 * Every keyed write is "insert if absent", so recording the same answer twice stores it once.
 */
export async function recordSnapshot(tx: HistoryTx, snap: Snapshot, gapMs: number) {
  const t = snap.observedAt;
  const pools = new Map<string, Pool>();
  for (const p of snap.pools) if (!pools.has(poolKey(p))) pools.set(poolKey(p), p);
  const catalog = await tx.ensureCatalog({
    pools: [...pools].map(([key, p]) => ({ key, symbols: p.symbols })),
    series: [...pools].flatMap(([key, p]) =>
      p.assets.map((a) => ({ poolKey: key, asset: a.asset })),
    ),
  });
  const poolIds = new Set(catalog.pools.values());
  const states = new Map<number, SeriesRow>();
  for (const s of await tx.seriesOfPools([...poolIds])) states.set(s.id, s);

  const candidates: PointRow[] = [];
  const seen = new Set<number>();
  for (const [key, p] of pools)
    for (const a of p.assets) {
      const series = catalog.series.get(seriesKey(key, a.asset))!;
      if (seen.has(series)) continue;
      seen.add(series);
      if (states.get(series)?.last?.t === a.updateTime) continue;
      candidates.push({ series, t: a.updateTime, balance: a.marginBalance });
    }
  const inserted = await tx.insertPoints(candidates);
  const drops = [];
  const next = new Map<number, SeriesState>();
  for (const [i, p] of candidates.entries()) {
    if (!inserted[i]) continue;
    const state = states.get(p.series);
    if (state?.levelsTo != null && p.t < state.levelsTo) await addOldPoint(tx, p);
    if (state?.last && p.t < state.last.t) continue;
    const { inDrop, event } = await detectDrop(tx, p, state, hourHighBounds(state?.hourMax, p.t));
    if (event) drops.push(event);
    next.set(p.series, {
      id: p.series,
      last: { t: p.t, balance: p.balance },
      inDrop,
      levelsTo: state?.levelsTo ?? bucketOf('hour', p.t),
      hourMax: nextHourMax(state?.hourMax ?? null, p),
    });
  }
  // Hours a series has left behind are counted into the levels, a bounded number a recording.
  const behind = [...states.values()]
    .map((s) => next.get(s.id) ?? (s.last ? { ...s, last: s.last } : null))
    .filter(
      (s): s is SeriesState =>
        !!s && s.levelsTo !== null && s.levelsTo < bucketOf('hour', s.last.t),
    )
    .sort((a, b) => a.levelsTo! - b.levelsTo!)
    .slice(0, FILL_PER_RECORDING);
  for (const s of behind) {
    const upTo = bucketOf('hour', s.last.t);
    await fillLevels(tx, s.id, s.levelsTo!, upTo);
    next.set(s.id, { ...s, levelsTo: upTo });
  }
  await tx.insertDrops(drops);
  await tx.putSeriesState([...next.values()]);

  const around = await tx.observationNeighbours(t);
  if (await tx.insertObservation(t)) await addMemberships(tx, t, poolIds, around);
  await addCoverage(tx, snap.coveredSince ?? t, t, gapMs);
  if (snap.index) await recordIndex(tx, snap);
}

/** Stores each asset's index where its value differs from the one stored at or before its time. */
async function recordIndex(tx: HistoryTx, snap: Snapshot) {
  const assets = new Set(snap.pools.flatMap((p) => p.assets.map((a) => a.asset)));
  const rows = [];
  for (const e of snap.index ?? []) {
    if (!e.symbol.endsWith('USD')) continue;
    const asset = e.symbol.slice(0, -3);
    if (!assets.has(asset)) continue;
    const stored = await tx.indexAtOrBefore(asset, e.time);
    if (stored?.index !== e.index) rows.push({ asset, t: e.time, index: e.index });
  }
  await tx.insertIndex(rows);
}
