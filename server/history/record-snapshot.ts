import type { HistoryPoint } from '../../src/core/history.ts';
import type { AssetIndexEntry } from '../../src/core/valuation.ts';
import type { Pool } from '../../src/core/pool-schema.ts';
import type { HistoryTx, PointRow, SeriesState } from './adapter.ts';
import { addCoverage, addCoverageCached } from './coverage.ts';
import { detectDrop } from './drops.ts';
import { addOldPointBuffered, fillBuffered, notePoint } from './level-buffer.ts';
import { addOldPoint, bucketOf, fillLevels, hourHighBounds, nextHourMax } from './levels.ts';
import { addLatestMemberships, addMemberships, membershipCache } from './memberships.ts';
import {
  catalogIds,
  flushContext,
  keyOf,
  newContext,
  statesOf,
  type RecordContext,
} from './record-context.ts';
import { recordIndex } from './record-index.ts';

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
   * At most this many series have their complete hours counted into the levels at each snapshot
   * (default 120; an import or the seed keep up so). The recorder passes 0 and catches up in
   * small transactions of its own after the recording (`catchUpLevels`).
   */
  fillBudget?: number;
  /**
   * Every snapshot on its own: each read from the store, each write at once. Stores exactly what
   * the default does (which keeps what it read and writes some rows once, at the end); the tests
   * hold the one against the other.
   */
  plain?: boolean;
}

type Next = SeriesState & { last: HistoryPoint };

/** The observations around `t`; `fast` when `t` is newer than every stored one. */
async function neighbours(tx: HistoryTx, ctx: RecordContext, t: number, plain: boolean) {
  if (!plain) {
    if (ctx.latest === undefined) ctx.latest = (await tx.observationBounds())?.last ?? null;
    if (ctx.latest === null || t > ctx.latest)
      return { prev: ctx.latest, next: null, has: false, fast: true };
  }
  return { ...(await tx.observationNeighbours(t)), fast: false };
}

async function recordOne(
  tx: HistoryTx,
  ctx: RecordContext,
  snap: Snapshot,
  { gapMs, fillBudget = FILL_PER_RECORDING, plain = false }: RecordOptions,
) {
  const t = snap.observedAt;
  const pools = new Map<string, Pool>();
  for (const p of snap.pools) {
    const key = keyOf(p);
    if (!pools.has(key)) pools.set(key, p);
  }
  await catalogIds(tx, ctx, pools);
  const present = new Set<number>();
  const series = new Map<number, number>();
  const values: [number, Pool['assets'][number]][] = [];
  for (const [key, p] of pools) {
    const pool = ctx.pools.get(key)!;
    present.add(pool);
    const ids = ctx.series.get(pool)!;
    for (const a of p.assets) {
      const id = ids.get(a.asset)!;
      if (series.has(id)) continue;
      series.set(id, pool);
      values.push([id, a]);
    }
  }
  await statesOf(tx, ctx, series);

  const candidates: PointRow[] = [];
  for (const [id, a] of values)
    if (ctx.states.get(id)?.last?.t !== a.updateTime)
      candidates.push({ series: id, t: a.updateTime, balance: a.marginBalance });
  const inserted = candidates.length > 0 ? await tx.insertPoints(candidates) : [];
  const drops = [];
  const next = new Map<number, Next>();
  for (const [i, p] of candidates.entries()) {
    if (!inserted[i]) continue;
    const state = ctx.states.get(p.series);
    if (state?.levelsTo != null) {
      if (p.t >= state.levelsTo) notePoint(ctx.levels, p, state.levelsTo);
      else if (plain) await addOldPoint(tx, p);
      else await addOldPointBuffered(tx, ctx.levels, p);
    }
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
  const behind: Next[] = [];
  for (const id of series.keys()) {
    const now = next.get(id) ?? ctx.states.get(id);
    if (now?.last && now.levelsTo !== null && now.levelsTo < bucketOf('hour', now.last.t))
      behind.push({ ...now, last: now.last });
  }
  behind.sort((a, b) => a.levelsTo! - b.levelsTo!);
  for (const s of behind.slice(0, fillBudget)) {
    const upTo = bucketOf('hour', s.last.t);
    if (plain) await fillLevels(tx, s.id, s.levelsTo!, upTo);
    else await fillBuffered(tx, ctx.levels, s.id, s.levelsTo!, upTo);
    next.set(s.id, { ...s, levelsTo: upTo });
  }
  if (drops.length > 0) await tx.insertDrops(drops);
  for (const n of next.values()) {
    const before = ctx.states.get(n.id);
    if (before) ctx.states.set(n.id, { ...before, ...n });
  }

  const around = await neighbours(tx, ctx, t, plain);
  if (around.fast && ctx.memberships?.at !== around.prev)
    ctx.memberships = await membershipCache(tx, around.prev);
  if (await tx.insertObservation(t)) {
    if (around.fast) await addLatestMemberships(tx, t, present, ctx.memberships!);
    else {
      ctx.memberships = null;
      await addMemberships(tx, t, present, around);
    }
  }
  const from = snap.coveredSince ?? t;
  if (plain) await addCoverage(tx, from, t, gapMs);
  else {
    ctx.latest = Math.max(ctx.latest ?? t, t);
    ctx.coverage = await addCoverageCached(tx, ctx.coverage, ctx.latest, from, t, gapMs);
  }
  if (snap.index) await recordIndex(tx, ctx, snap, plain);
}

/**
 * Records snapshots inside a write transaction, in order, diffing each against the state stored
 * in the database (not a memory of this process): a point per series whose `updateTime` is not
 * stored yet, the levels and drop flags those points change, the observation, memberships and
 * coverage. Every keyed write is "insert if absent", so recording the same answer twice stores it
 * once. Returns how many it recorded.
 */
export async function recordSnapshots(
  tx: HistoryTx,
  snaps: Iterable<Snapshot>,
  options: RecordOptions | number,
): Promise<number> {
  const opts = typeof options === 'number' ? { gapMs: options } : options;
  let ctx = newContext();
  let n = 0;
  for (const snap of snaps) {
    if (opts.plain) ctx = newContext();
    await recordOne(tx, ctx, snap, opts);
    if (opts.plain) await flushContext(tx, ctx);
    n += 1;
  }
  if (!opts.plain) await flushContext(tx, ctx);
  return n;
}

/** Records one snapshot inside a write transaction (see `recordSnapshots`). */
export async function recordSnapshot(
  tx: HistoryTx,
  snap: Snapshot,
  options: RecordOptions | number,
): Promise<void> {
  await recordSnapshots(tx, [snap], options);
}
