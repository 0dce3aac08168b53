import {
  decimalSign,
  multiplyDecimals,
  relativeChange,
  roundToCents,
  sumDecimals,
} from './decimal';
import type { ChangeWindow, OverviewPool } from './history';
import { indexOf, type AssetIndexMap } from './valuation';
import { everyAssetChange } from './window-change';

/**
 * The change of the total of all pools over a window: per asset exactly, and in dollars at today's
 * index. Only pools whose history gives a change of every asset over the whole window count, and
 * not those whose members changed within it: a pool split or merged would count its past twice or
 * not at all. The pools left out are counted, so the figure says what it covers.
 */
export interface AssetTotalChange {
  asset: string;
  /** The exact sum of the counted pools' changes of this asset. */
  value: string;
  sign: -1 | 0 | 1;
  /** Of the counted pools' balance then. */
  rel: number | undefined;
}

export interface TotalChange {
  window: ChangeWindow;
  assets: AssetTotalChange[];
  /** Dollars to the cent at today's index, over the valued assets; `undefined` without an index. */
  usd: { value: string; sign: -1 | 0 | 1; rel: number | undefined; unvalued: string[] } | undefined;
  /** Pools in the figure. */
  counted: number;
  /** Pools left out: history too short (or none), or regrouped within the window. */
  noHistory: number;
  regrouped: number;
}

function usdOf(
  byAsset: ReadonlyMap<string, { change: string[]; then: string[] }>,
  index: AssetIndexMap | undefined,
): TotalChange['usd'] {
  if (!index) return undefined;
  const change: string[] = [];
  const then: string[] = [];
  const unvalued: string[] = [];
  for (const [asset, sums] of byAsset) {
    const entry = indexOf(index, asset);
    if (!entry) {
      unvalued.push(asset);
      continue;
    }
    change.push(multiplyDecimals(sumDecimals(sums.change), entry.index));
    then.push(multiplyDecimals(sumDecimals(sums.then), entry.index));
  }
  if (change.length === 0) return undefined;
  const exact = sumDecimals(change);
  const before = sumDecimals(then);
  return {
    value: roundToCents(exact),
    sign: decimalSign(exact),
    rel: relativeChange(before, sumDecimals([before, exact])),
    unvalued,
  };
}

/** `histories`: the history of each pool listed now, `undefined` for one the history lacks. */
export function totalChange(
  histories: readonly (OverviewPool | undefined)[],
  index: AssetIndexMap | undefined,
  window: ChangeWindow,
): TotalChange {
  const byAsset = new Map<string, { change: string[]; then: string[] }>();
  let counted = 0;
  let noHistory = 0;
  let regrouped = 0;
  for (const history of histories) {
    const changes = history ? everyAssetChange(history, window) : undefined;
    if (!history || !changes) {
      noHistory += 1;
      continue;
    }
    if (history.regrouped[window]) {
      regrouped += 1;
      continue;
    }
    counted += 1;
    for (const c of changes) {
      let sums = byAsset.get(c.asset);
      if (!sums) byAsset.set(c.asset, (sums = { change: [], then: [] }));
      sums.change.push(c.value);
      sums.then.push(c.from.balance);
    }
  }
  const assets = [...byAsset].map(([asset, sums]): AssetTotalChange => {
    const value = sumDecimals(sums.change);
    const then = sumDecimals(sums.then);
    return {
      asset,
      value,
      sign: decimalSign(value),
      rel: relativeChange(then, sumDecimals([then, value])),
    };
  });
  return { window, assets, usd: usdOf(byAsset, index), counted, noHistory, regrouped };
}
