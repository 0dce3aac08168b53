import { compareDecimals } from '../../core/decimal';
import { sortByMomentChange, type MomentChange } from '../../core/moment-change';
import type { Pool } from '../../core/pool-schema';
import { balanceOf, poolKey, poolName } from '../../core/pools';
import type { Sort } from '../../lib/url-state';

/** The orders a past moment offers: those of the live list that need no history, and its change. */
export type MomentSort = 'value' | 'balance' | 'members' | 'name' | 'changeVs';

/** The link's order at a moment: a change over a window (live only) orders by value. */
export function momentSortOf(sort: Sort, sortVs: boolean | undefined): MomentSort {
  if (sortVs) return 'changeVs';
  return sort === 'balance' || sort === 'members' || sort === 'name' ? sort : 'value';
}

const byName = (a: Pool, b: Pool) =>
  poolName(a).localeCompare(poolName(b)) || poolKey(a).localeCompare(poolKey(b));

/**
 * Orders a moment's pools: by dollar value (with the moment's own index; by balance without
 * one), balance of `asset`, member count, name, or change since `vs`. Pools without the figure
 * come last whatever the direction; ties fall back to the name.
 */
export function sortMomentPools(
  pools: readonly Pool[],
  {
    sort,
    dir,
    asset,
    usdOf,
    changes,
  }: {
    sort: MomentSort;
    dir: 'asc' | 'desc';
    asset: string;
    usdOf: ((pool: Pool) => string | undefined) | undefined;
    changes: ReadonlyMap<string, MomentChange> | undefined;
  },
): Pool[] {
  const sign = dir === 'asc' ? 1 : -1;
  if (sort === 'changeVs' && changes) return sortByMomentChange(pools, changes, asset, dir);
  if (sort === 'name') return [...pools].sort((a, b) => sign * byName(a, b));
  if (sort === 'members')
    return [...pools].sort((a, b) => sign * (a.symbols.length - b.symbols.length) || byName(a, b));
  const figure = (p: Pool) =>
    sort === 'value' && usdOf ? usdOf(p) : balanceOf(p, asset)?.marginBalance;
  const rows = pools.map((pool) => {
    const x = figure(pool);
    return { pool, x, approx: x === undefined ? 0 : Number(x) };
  });
  rows.sort((a, b) => {
    if (a.x === undefined || b.x === undefined)
      return a.x === b.x ? byName(a.pool, b.pool) : a.x === undefined ? 1 : -1;
    // A decimal's nearest float keeps its order: only equal floats need the exact comparison
    // (a step of the slider sorts 600 pools again).
    const order = a.approx === b.approx ? compareDecimals(a.x, b.x) : a.approx - b.approx;
    return sign * Math.sign(order) || byName(a.pool, b.pool);
  });
  return rows.map((r) => r.pool);
}
