import * as z from 'zod/mini';
import {
  decimalSign,
  multiplyDecimals,
  relativeChange,
  roundToCents,
  sumDecimals,
} from './decimal.ts';
import { decimalString, type Pool } from './pool-schema.ts';

/**
 * What a pool is worth in dollars, as an estimate: each balance times Binance's own asset index
 * of `<ASSET>USD` (`/fapi/v1/assetIndex`, multi-assets mode), added up exactly and only then
 * rounded to the cent. An asset is valued by its own `<ASSET>USD` entry and by nothing else: one
 * without an entry is named as not valued and left out, never counted at 1 (not even a stablecoin).
 * Every dollar figure of the dashboard, its files and the server is worked out here.
 */

/**
 * `GET /fapi/v1/assetIndex` (Multi-Assets Mode Asset Index): one entry per `<ASSET>USD` pair,
 * e.g. `{"symbol":"BTCUSD","time":1635740268004,"index":"67012.5","bidBuffer":"0.05",…}`. Only
 * `symbol`, `index` and `time` are read; the buffers and rates are left alone.
 */
export const assetIndexEntrySchema = z.object({
  symbol: z.string().check(z.minLength(1)),
  index: decimalString,
  time: z.int().check(z.nonnegative()),
});
export const assetIndexListSchema = z.array(assetIndexEntrySchema);
export type AssetIndexEntry = z.infer<typeof assetIndexEntrySchema>;

/** The asset index symbol that values `asset` in dollars: `BTC` -> `BTCUSD`. */
export function indexSymbolOf(asset: string): string {
  return `${asset}USD`;
}

/** A balance (or a change of one) and the index that values it. */
export interface Holding {
  balance: string;
  index: string;
}

/** Balance × index of every holding, added up exactly: a dollar figure before its one rounding. */
export function exactUsd(holdings: readonly Holding[]): string {
  return sumDecimals(holdings.map((h) => multiplyDecimals(h.balance, h.index)));
}

/** `exactUsd`, rounded once, to the cent. */
export function usdOf(holdings: readonly Holding[]): string {
  return roundToCents(exactUsd(holdings));
}

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
  const holdings: Holding[] = [];
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
    holdings.push({ balance: balance.marginBalance, index: entry.index });
    indexTime = indexTime === undefined ? entry.time : Math.min(indexTime, entry.time);
  }
  const exact = exactUsd(holdings);
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

/** A change of one asset's balance: `value`, from the balance `from.balance`. */
export interface AssetChange {
  asset: string;
  value: string;
  from: { balance: string };
}

/** A change in dollars to the cent, which way it went and by what share of the value then. */
export interface UsdChange {
  value: string;
  sign: -1 | 0 | 1;
  rel: number | undefined;
  /** Assets left out for want of an index. */
  unvalued: string[];
}

/**
 * The valued assets' change in dollars, both ends at today's index (what the fund holds, not
 * what the market did); `undefined` when no asset of them is valued.
 */
export function usdChange(
  changes: readonly AssetChange[],
  index: AssetIndexMap,
): UsdChange | undefined {
  const change: Holding[] = [];
  const then: Holding[] = [];
  const unvalued: string[] = [];
  for (const c of changes) {
    const entry = indexOf(index, c.asset);
    if (!entry) unvalued.push(c.asset);
    else {
      change.push({ balance: c.value, index: entry.index });
      then.push({ balance: c.from.balance, index: entry.index });
    }
  }
  if (change.length === 0) return undefined;
  const exact = exactUsd(change);
  const before = exactUsd(then);
  return {
    value: roundToCents(exact),
    sign: decimalSign(exact),
    rel: relativeChange(before, sumDecimals([before, exact])),
    unvalued,
  };
}
