import type { AssetIndexEntry } from '../../src/core/asset-index.ts';
import type { Pool } from '../../src/core/pool-schema.ts';
import { poolKey } from '../../src/core/pools.ts';
import type { HistoryTx, PointRow, SeriesRow, SeriesState, TimedValue } from './adapter.ts';
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

export interface RecordOptions {
  /** Coverage: a snapshot within this of a covered interval continues it. */
  gapMs: number;
  /**
   * At most this many series have their complete hours counted into the levels within this
   * transaction (default 120; an import or the seed keep up so). The recorder passes 0 and
   * catches up in small transactions of its own after the recording (`catchUpLevels`).
   */
  fillBudget?: number;
}

/**
 * The stored state of the snapshot's series. Within one transaction, which holds the write lock,
 * what it wrote is what the database holds: an import of thousands of snapshots in one
 * transaction reads each pool's series once and keeps them as it writes them.
 */
const txStates = new WeakMap<HistoryTx, Map<number, SeriesRow>>();
async function seriesStates(
  tx: HistoryTx,
  series: ReadonlyMap<string, number>,
  pools: ReadonlyMap<string, number>,
): Promise<Map<number, SeriesRow>> {
  let known = txStates.get(tx);
  if (!known) txStates.set(tx, (known = new Map()));
  const missing = new Set<number>();
  for (const [key, id] of series)
    if (!known.has(id)) missing.add(pools.get(key.slice(0, key.lastIndexOf('\n')))!);
  if (missing.size > 0) for (const s of await tx.seriesOfPools([...missing])) known.set(s.id, s);
  const out = new Map<number, SeriesRow>();
  for (const id of series.values()) {
    const s = known.get(id);
    if (s) out.set(id, s);
  }
  return out;
}

function stateChanged(before: SeriesRow | undefined, after: SeriesState): boolean {
  if (!before) return true;
  const a = before.hourMax;
  const b = after.hourMax;
  return (
    before.inDrop !== after.inDrop ||
    before.episodeHigh?.t !== after.episodeHigh?.t ||
    before.levelsTo !== after.levelsTo ||
    a?.bucket !== b?.bucket ||
    a?.max !== b?.max ||
    a?.prevMax !== b?.prevMax
  );
}

export const seriesKey = (pool: string, asset: string) => `${pool}\n${asset}`;

/**
 * Records one snapshot inside a write transaction, diffing it against the state stored in the
 * database (not a memory of this process): a point per series whose `updateTime` is not stored
 * yet, the levels and drop flags those points change, the observation, memberships and coverage.
 * Every keyed write is "insert if absent", so recording the same answer twice stores it once.
 */
export async function recordSnapshot(
  tx: HistoryTx,
  snap: Snapshot,
  options: RecordOptions | number,
) {
  const { gapMs, fillBudget = FILL_PER_RECORDING } =
    typeof options === 'number' ? { gapMs: options } : options;
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
  const states = await seriesStates(tx, catalog.series, catalog.pools);

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
  type Next = SeriesState & { last: TimedValue };
  const next = new Map<number, Next>();
  for (const [i, p] of candidates.entries()) {
    if (!inserted[i]) continue;
    const state = states.get(p.series);
    if (state?.levelsTo != null && p.t < state.levelsTo) await addOldPoint(tx, p);
    if (state?.last && p.t < state.last.t) continue;
    const { inDrop, episodeHigh, event } = await detectDrop(
      tx,
      p,
      state,
      hourHighBounds(state?.hourMax, p.t),
    );
    if (event) drops.push(event);
    next.set(p.series, {
      id: p.series,
      last: { t: p.t, balance: p.balance },
      inDrop,
      episodeHigh,
      levelsTo: state?.levelsTo ?? bucketOf('hour', p.t),
      hourMax: nextHourMax(state?.hourMax ?? null, p),
    });
  }
  // Hours a series has left behind are counted into the levels, a bounded number a recording.
  const behind = [...states.values()]
    .map((s): Next | null => next.get(s.id) ?? (s.last ? { ...s, last: s.last } : null))
    .filter((s): s is Next => !!s && s.levelsTo !== null && s.levelsTo < bucketOf('hour', s.last.t))
    .sort((a, b) => a.levelsTo! - b.levelsTo!)
    .slice(0, fillBudget);
  for (const s of behind) {
    const upTo = bucketOf('hour', s.last.t);
    await fillLevels(tx, s.id, s.levelsTo!, upTo);
    next.set(s.id, { ...s, levelsTo: upTo });
  }
  await tx.insertDrops(drops);
  // Only what changed is written: most points leave the drop flag, levels and hour maxima as they were.
  await tx.putSeriesState([...next.values()].filter((n) => stateChanged(states.get(n.id), n)));
  const known = txStates.get(tx)!;
  for (const n of next.values()) {
    const before = known.get(n.id);
    if (before) known.set(n.id, { ...before, ...n });
  }

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
