import { decimalSign, relativeChange, sumDecimals } from './decimal';
import type { ChangeWindow, OverviewPool } from './history';
import { usdChange, type AssetIndexMap, type UsdChange } from './valuation';
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
  usd: UsdChange | undefined;
  /** Pools in the figure. */
  counted: number;
  /** Pools left out: history too short (or none), or regrouped within the window. */
  noHistory: number;
  regrouped: number;
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
  const sums = [...byAsset].map(([asset, s]) => ({
    asset,
    value: sumDecimals(s.change),
    from: { balance: sumDecimals(s.then) },
  }));
  const assets = sums.map(({ asset, value, from }): AssetTotalChange => ({
    asset,
    value,
    sign: decimalSign(value),
    rel: relativeChange(from.balance, sumDecimals([from.balance, value])),
  }));
  const usd = index ? usdChange(sums, index) : undefined;
  return { window, assets, usd, counted, noHistory, regrouped };
}
