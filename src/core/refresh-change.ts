import type { Pool } from './pool-schema.ts';
import { compareDecimals, relativeChange } from './decimal.ts';
import { poolKey } from './pools.ts';

/**
 * A balance's change between two refreshes of the page (docs/glossary.md: change), and how the
 * page marks it: `up`, `down`, or `drop` where it fell by the threshold or more (the page's hook
 * `data-change` keeps the name).
 */
export type RefreshMark = 'up' | 'down' | 'drop';

export const DEFAULT_DROP_THRESHOLD = 0.05;

/** A balance's change since the previous refresh: how it is marked, and by how much. */
export interface RefreshChange {
  change: RefreshMark;
  /** `(new - old) / old`; `undefined` when the old balance was zero. */
  rel: number | undefined;
}

/** `poolKey|asset` -> change, for every balance that differs from the previous snapshot. */
export type Changes = ReadonlyMap<string, RefreshChange>;

/** Whether two changes are shown alike: the same way by the same amount. */
export function sameRefreshChange(
  a: RefreshChange | undefined,
  b: RefreshChange | undefined,
): boolean {
  return (
    a === b || (a !== undefined && b !== undefined && a.change === b.change && a.rel === b.rel)
  );
}

/**
 * Keys by member list, then asset. A refresh keeps an unchanged member list as the same array, so
 * the same key string serves every refresh: it is not built again, nor hashed again by each lookup.
 */
const keys = new WeakMap<readonly string[], Map<string, string>>();

/** The change of one balance of the pool with the latest refresh, if it changed. */
export function refreshChangeOf(
  pool: Pool,
  asset: string,
  changes: Changes | undefined,
): RefreshChange | undefined {
  if (!changes || changes.size === 0) return undefined;
  return changes.get(changeKey(pool, asset));
}

/** Whether every balance of the pool shows the same change with `a` as with `b`. */
export function samePoolChanges(pool: Pool, a: Changes | undefined, b: Changes | undefined) {
  return (
    a === b ||
    pool.assets.every((x) =>
      sameRefreshChange(refreshChangeOf(pool, x.asset, a), refreshChangeOf(pool, x.asset, b)),
    )
  );
}

export function changeKey(pool: Pool, asset: string): string {
  let byAsset = keys.get(pool.symbols);
  if (byAsset === undefined) keys.set(pool.symbols, (byAsset = new Map()));
  let key = byAsset.get(asset);
  if (key === undefined) byAsset.set(asset, (key = `${poolKey(pool)}|${asset}`));
  return key;
}

/**
 * Compares two snapshots balance by balance. A pool whose members changed is a new pool: it is
 * not compared with anything, since Binance moves symbols between pools without notice.
 */
export function diffSnapshots(
  previous: readonly Pool[],
  next: readonly Pool[],
  dropThreshold = DEFAULT_DROP_THRESHOLD,
): Map<string, RefreshChange> {
  const before = new Map<string, string>();
  for (const p of previous)
    for (const a of p.assets) before.set(changeKey(p, a.asset), a.marginBalance);
  const changes = new Map<string, RefreshChange>();
  for (const p of next) {
    for (const a of p.assets) {
      const key = changeKey(p, a.asset);
      const old = before.get(key);
      if (old === undefined || old === a.marginBalance) continue;
      const order = compareDecimals(a.marginBalance, old);
      if (order === 0) continue;
      const rel = relativeChange(old, a.marginBalance);
      const change =
        order > 0 ? 'up' : rel !== undefined && rel <= -dropThreshold ? 'drop' : 'down';
      changes.set(key, { change, rel });
    }
  }
  return changes;
}
