import { compareAdlSummaries, type AdlSummary } from '../../core/adl';
import type { ChangeWindow } from '../../core/history';
import type { Pool } from '../../core/pool-schema';
import type { PoolChange } from '../../core/value-change';
import { compareDecimals } from '../../core/decimal';
import { balanceOf, leadingSymbols, poolKey, poolName } from '../../core/pools';
import type { Sort } from '../../lib/url-state';

export interface SortOrder {
  sort: Sort;
  /** The asset whose balance orders the list with `balance`, and with `value` while no pool has one. */
  asset: string;
  dir: 'asc' | 'desc';
  /** Each pool's dollar value to the cent (core/valuation); `undefined` without an asset index. */
  usdOf?: (pool: Pool) => string | undefined;
  /** Each pool's change over a window (lib/valuation `changeOf`); without it, change sorts order by name. */
  changeOf?: (pool: Pool, window: ChangeWindow) => PoolChange | undefined;
  /** Each pool's members by ADL rating (core/adl); without it, the `adl` sort orders by name. */
  adlOf?: (pool: Pool) => AdlSummary | undefined;
}

/** The window a change sort orders by, `undefined` for any other sort. */
export function sortWindow(sort: Sort): ChangeWindow | undefined {
  if (sort === 'change1h') return '1h';
  if (sort === 'change24h') return '24h';
  if (sort === 'change7d') return '7d';
  return undefined;
}

/**
 * Names and keys cost a sort of the members. A refresh keeps an unchanged member list as the
 * same array (structural sharing), so each is worked out once per list, not once per refresh.
 */
const names = new WeakMap<readonly string[], string>();
const keys = new WeakMap<readonly string[], string>();

export function cachedName(pool: Pool): string {
  let name = names.get(pool.symbols);
  if (name === undefined) names.set(pool.symbols, (name = poolName(pool)));
  return name;
}

const leads = new WeakMap<readonly string[], string>();

/** The symbol the pool is named after, which its link opens. */
export function cachedLead(pool: Pool): string {
  let lead = leads.get(pool.symbols);
  if (lead === undefined)
    leads.set(pool.symbols, (lead = leadingSymbols(pool)[0] ?? pool.symbols[0] ?? ''));
  return lead;
}

export function cachedKey(pool: Pool): string {
  let key = keys.get(pool.symbols);
  if (key === undefined) keys.set(pool.symbols, (key = poolKey(pool)));
  return key;
}

interface Row {
  pool: Pool;
  /** The balance as written, and its nearest float for a fast first comparison. */
  exact?: string;
  approx: number;
}

/** The figure a pool is ordered by: its dollar value, or its balance of the order's asset. */
function figureOf(pool: Pool, order: SortOrder, byValue: boolean): string | undefined {
  if (byValue) return order.usdOf!(pool);
  return balanceOf(pool, order.asset)?.marginBalance;
}

/** Orders by the change's share; pools with no share to give (no history, from zero) come last. */
function sortByChange(
  pools: readonly Pool[],
  order: SortOrder,
  window: ChangeWindow,
  byName: (a: Pool, b: Pool) => number,
): Pool[] {
  const sign = order.dir === 'asc' ? 1 : -1;
  const rows = pools.map((pool) => ({ pool, rel: order.changeOf?.(pool, window)?.rel }));
  rows.sort((a, b) => {
    if (a.rel === undefined || b.rel === undefined)
      return a.rel === b.rel ? byName(a.pool, b.pool) : a.rel === undefined ? 1 : -1;
    return sign * Math.sign(a.rel - b.rel) || byName(a.pool, b.pool);
  });
  return rows.map((r) => r.pool);
}

/**
 * Orders pools by dollar value, balance of one asset, member count, name or change over a window.
 * Pools without the figure (no valued asset, not holding the asset, no history that far back) come
 * last whatever the direction; ties fall back to the name, so the order is stable. Without an
 * asset index, `value` orders by balance.
 */
export function sortPools(pools: readonly Pool[], order: SortOrder): Pool[] {
  const sign = order.dir === 'asc' ? 1 : -1;
  const byName = (a: Pool, b: Pool) =>
    cachedName(a).localeCompare(cachedName(b)) || cachedKey(a).localeCompare(cachedKey(b));
  if (order.sort === 'name') return [...pools].sort((a, b) => sign * byName(a, b));
  if (order.sort === 'members')
    return [...pools].sort((a, b) => sign * (a.symbols.length - b.symbols.length) || byName(a, b));
  if (order.sort === 'adl') {
    const rows = pools.map((pool) => ({ pool, adl: order.adlOf?.(pool) }));
    rows.sort((a, b) => {
      if (!a.adl || !b.adl) return a.adl === b.adl ? byName(a.pool, b.pool) : a.adl ? -1 : 1;
      return -sign * compareAdlSummaries(a.adl, b.adl) || byName(a.pool, b.pool);
    });
    return rows.map((r) => r.pool);
  }
  const window = sortWindow(order.sort);
  if (window) return sortByChange(pools, order, window, byName);
  const byValue = order.sort === 'value' && order.usdOf !== undefined;
  const rows: Row[] = pools.map((pool) => {
    const exact = figureOf(pool, order, byValue);
    return { pool, exact, approx: exact === undefined ? 0 : Number(exact) };
  });
  rows.sort((a, b) => {
    if (a.exact === undefined || b.exact === undefined)
      return a.exact === b.exact ? byName(a.pool, b.pool) : a.exact === undefined ? 1 : -1;
    // Rounding to a float keeps the order, so only equal floats need the exact comparison.
    const order = a.approx === b.approx ? compareDecimals(a.exact, b.exact) : a.approx - b.approx;
    return sign * Math.sign(order) || byName(a.pool, b.pool);
  });
  return rows.map((r) => r.pool);
}
