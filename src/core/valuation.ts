import type { AssetIndexEntry } from './asset-index.ts';
import { indexSymbolOf } from './asset-index.ts';
import { multiplyDecimals, roundToCents, sumDecimals } from './decimal.ts';
import type { Pool } from './pool-schema.ts';

/**
 * What a pool is worth in dollars, as an estimate: each balance times Binance's own asset index
 * of `<ASSET>USD` (`/fapi/v1/assetIndex`, multi-assets mode), added up exactly and only then
 * rounded to the cent. An asset is valued by its own `<ASSET>USD` entry and by nothing else: one
 * without an entry is named as not valued and left out, never counted at 1 (not even a stablecoin).
 */

/** The asset index by its symbol (`BTCUSD`), as one answer of `/fapi/v1/assetIndex` gave it. */
export type AssetIndexMap = ReadonlyMap<string, AssetIndexEntry>;

export function indexMap(entries: readonly AssetIndexEntry[]): AssetIndexMap {
  return new Map(entries.map((e) => [e.symbol, e]));
}

/** The entry that values `asset`, if the index has one. */
export function indexOf(index: AssetIndexMap, asset: string): AssetIndexEntry | undefined {
  return index.get(indexSymbolOf(asset));
}

export interface PoolValue {
  /** The sum of balance × index over the valued assets, to the cent (half up, see `roundToCents`). */
  usd: string;
  /** The same sum, exact: totals add these, so they are rounded once. */
  exact: string;
  /** Assets of the pool with no `<ASSET>USD` entry, left out of the sum, in the pool's order. */
  unvalued: string[];
  /** Assets that were valued. */
  valued: string[];
  /**
   * The oldest `time` of the index entries used: the value is no fresher than that. `undefined`
   * when no asset was valued.
   */
  indexTime: number | undefined;
}

export function valuePool(pool: Pool, index: AssetIndexMap): PoolValue {
  const products: string[] = [];
  const unvalued: string[] = [];
  const valued: string[] = [];
  let indexTime: number | undefined;
  for (const balance of pool.assets) {
    const entry = indexOf(index, balance.asset);
    if (!entry) {
      unvalued.push(balance.asset);
      continue;
    }
    valued.push(balance.asset);
    products.push(multiplyDecimals(balance.marginBalance, entry.index));
    indexTime = indexTime === undefined ? entry.time : Math.min(indexTime, entry.time);
  }
  const exact = sumDecimals(products);
  return { usd: roundToCents(exact), exact, unvalued, valued, indexTime };
}

export interface TotalValue {
  /** Every pool's exact value added up, then rounded to the cent once. */
  usd: string;
  /** Every asset left out somewhere, in order of first appearance. */
  unvalued: string[];
  indexTime: number | undefined;
}

/**
 * The value of all pools. Rounded once, from the exact sum: it can differ by a few cents from the
 * sum of the pools' rounded figures, and it is the figure the exact arithmetic gives.
 */
export function totalValue(values: readonly PoolValue[]): TotalValue {
  const unvalued = new Set<string>();
  let indexTime: number | undefined;
  for (const v of values) {
    for (const a of v.unvalued) unvalued.add(a);
    if (v.indexTime !== undefined)
      indexTime = indexTime === undefined ? v.indexTime : Math.min(indexTime, v.indexTime);
  }
  return {
    usd: roundToCents(sumDecimals(values.map((v) => v.exact))),
    unvalued: [...unvalued],
    indexTime,
  };
}

/** Shorthand: `totalValue` of every pool valued with one index. */
export function valuePools(pools: readonly Pool[], index: AssetIndexMap): TotalValue {
  return totalValue(pools.map((p) => valuePool(p, index)));
}
