import type { Pool } from '../../src/core/pool-schema.ts';
import { poolKey } from '../../src/core/pools.ts';
import type { HistoryTx, IndexRow, SeriesRow, SeriesState } from './adapter.ts';
import { flushCoverage, type CoverageCache } from './coverage.ts';
import { flushLevels, type LevelBuffer } from './level-buffer.ts';
import type { MembershipCache } from './memberships.ts';

/**
 * What one `recordSnapshots` call knows of the store while it records, inside its transaction.
 * The transaction holds the write lock, so what it read and wrote is what the database holds: a
 * chunk of thousands of snapshots (an import, the demo's past) reads each series' state, the latest
 * observation, the open memberships, the coverage interval and each asset's latest index once,
 * and keeps them as it writes. Some writes wait here until `flushContext` (the series' states,
 * the coverage interval, the day rows of the levels): each is written once, with its final value,
 * instead of once per snapshot. What is stored at commit is exactly what recording the snapshots
 * one by one stores.
 */
export interface RecordContext {
  /** Pool ids by key and series ids by pool and asset (an id never changes meaning). */
  pools: Map<string, number>;
  series: Map<number, Map<string, number>>;
  /** Each series' state as it stands now, and as it was last written. */
  states: Map<number, SeriesRow>;
  written: Map<number, SeriesState>;
  /** The latest stored observation: `null` none, `undefined` not read yet. */
  latest: number | null | undefined;
  memberships: MembershipCache | null;
  coverage: CoverageCache | null;
  /** Each asset's latest stored index row (`null`: it has none). */
  index: Map<string, IndexRow | null>;
  levels: Map<number, LevelBuffer>;
}

export function newContext(): RecordContext {
  return {
    pools: new Map(),
    series: new Map(),
    states: new Map(),
    written: new Map(),
    latest: undefined,
    memberships: null,
    coverage: null,
    index: new Map(),
    levels: new Map(),
  };
}

/**
 * A pool's key, kept by its member array and by the members' text: a list that arrives anew
 * each time (a parsed answer, a line of a file) is found by its text and not sorted again.
 */
const keysByList = new WeakMap<readonly string[], string>();
const keysByText = new Map<string, string>();
export function keyOf(pool: Pool): string {
  let key = keysByList.get(pool.symbols);
  if (key !== undefined) return key;
  const text = pool.symbols.join(',');
  key = keysByText.get(text);
  if (key === undefined) {
    if (keysByText.size >= 20_000) keysByText.clear();
    keysByText.set(text, (key = poolKey(pool)));
  }
  keysByList.set(pool.symbols, key);
  return key;
}

export const seriesKey = (pool: string, asset: string) => `${pool}\n${asset}`;

/** The ids of the snapshot's pools (by key) and series, creating in the store only those it lacks. */
export async function catalogIds(tx: HistoryTx, ctx: RecordContext, pools: Map<string, Pool>) {
  const missingPools: { key: string; symbols: readonly string[] }[] = [];
  const missingSeries: { poolKey: string; asset: string }[] = [];
  for (const [key, p] of pools) {
    const id = ctx.pools.get(key);
    const known = id === undefined ? undefined : ctx.series.get(id);
    const lacking = p.assets.filter((a) => known?.get(a.asset) === undefined);
    if (id !== undefined && lacking.length === 0) continue;
    missingPools.push({ key, symbols: p.symbols });
    for (const a of lacking) missingSeries.push({ poolKey: key, asset: a.asset });
  }
  if (missingPools.length > 0) {
    const made = await tx.ensureCatalog({ pools: missingPools, series: missingSeries });
    for (const [key, id] of made.pools) ctx.pools.set(key, id);
    for (const s of missingSeries) {
      const pool = made.pools.get(s.poolKey)!;
      let assets = ctx.series.get(pool);
      if (!assets) ctx.series.set(pool, (assets = new Map()));
      assets.set(s.asset, made.series.get(seriesKey(s.poolKey, s.asset))!);
    }
  }
}

/** The state of these series (by pool id), reading once those the transaction has not seen. */
export async function statesOf(tx: HistoryTx, ctx: RecordContext, series: Map<number, number>) {
  const missing = new Set<number>();
  for (const [id, pool] of series) if (!ctx.states.has(id)) missing.add(pool);
  if (missing.size > 0)
    for (const s of await tx.seriesOfPools([...missing])) {
      ctx.states.set(s.id, s);
      ctx.written.set(s.id, s);
    }
}

function stateChanged(before: SeriesState | undefined, after: SeriesState): boolean {
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

/** Writes what waited: each series' state that changed, the coverage interval, the day rows. */
export async function flushContext(tx: HistoryTx, ctx: RecordContext) {
  const changed: SeriesState[] = [];
  for (const [id, s] of ctx.states)
    if (stateChanged(ctx.written.get(id), s)) {
      const { inDrop, levelsTo, hourMax, episodeHigh } = s;
      changed.push({ id, inDrop, levelsTo, hourMax, episodeHigh });
      ctx.written.set(id, s);
    }
  if (changed.length > 0) await tx.putSeriesState(changed);
  await flushCoverage(tx, ctx.coverage);
  await flushLevels(tx, ctx.levels);
}
