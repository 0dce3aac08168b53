import {
  decimalSign,
  multiplyDecimals,
  relativeChange,
  roundToCents,
  sumDecimals,
} from './decimal';
import type { ChangeWindow, OverviewPool } from './history';
import { indexOf, type AssetIndexMap } from './valuation';
import { everyAssetChange, type WindowChange } from './window-change';

/**
 * A pool's change over a window in one figure: in dollars where its assets are valued, both ends
 * at today's index (what the fund holds, not what the market did, as core/drawdown judges it),
 * else in the units of its one asset that fell most (or rose least). Assets with no index are left
 * out of the dollar figure and named. Without a change of every valued asset there is no figure.
 */
export interface PoolChange {
  window: ChangeWindow;
  /** `usd`, or the asset whose units are compared. */
  basis: string;
  /** Dollars to the cent, or exact units. */
  value: string;
  sign: -1 | 0 | 1;
  rel: number | undefined;
  regrouped: boolean;
  /** Assets of the pool left out of a dollar figure for want of an index. */
  unvalued: string[];
}

interface UsdSums {
  /** Change and value then, exact, at today's index. */
  change: string;
  then: string;
  unvalued: string[];
}

/** The valued assets' change in dollars; `undefined` when one of them has no change to give. */
function usdSums(changes: readonly WindowChange[], index: AssetIndexMap): UsdSums | undefined {
  const change: string[] = [];
  const then: string[] = [];
  const unvalued: string[] = [];
  for (const c of changes) {
    const entry = indexOf(index, c.asset);
    if (!entry) {
      unvalued.push(c.asset);
      continue;
    }
    change.push(multiplyDecimals(c.value, entry.index));
    then.push(multiplyDecimals(c.from.balance, entry.index));
  }
  if (change.length === 0) return undefined;
  return { change: sumDecimals(change), then: sumDecimals(then), unvalued };
}

export function poolChange(
  history: OverviewPool | undefined,
  index: AssetIndexMap | undefined,
  window: ChangeWindow,
): PoolChange | undefined {
  if (!history) return undefined;
  const changes = everyAssetChange(history, window);
  if (!changes) return undefined;
  const regrouped = history.regrouped[window] ?? false;
  const usd = index ? usdSums(changes, index) : undefined;
  if (usd) {
    const value = roundToCents(usd.change);
    return {
      window,
      basis: 'usd',
      value,
      sign: decimalSign(usd.change),
      rel: relativeChange(usd.then, sumDecimals([usd.then, usd.change])),
      regrouped,
      unvalued: usd.unvalued,
    };
  }
  const worst = [...changes].sort((a, b) => (a.rel ?? 0) - (b.rel ?? 0))[0]!;
  return {
    window,
    basis: worst.asset,
    value: worst.value,
    sign: worst.sign,
    rel: worst.rel,
    regrouped,
    unvalued: [],
  };
}

/** The pools that fell most over the window by share, the largest fall first; regroupings are not falls. */
export function biggestFalls<T>(
  entries: readonly { item: T; change: PoolChange | undefined }[],
  count: number,
): { item: T; change: PoolChange }[] {
  const falls = entries.flatMap(({ item, change }) =>
    change && change.sign < 0 && !change.regrouped && change.rel !== undefined
      ? [{ item, change }]
      : [],
  );
  return falls.sort((a, b) => a.change.rel! - b.change.rel!).slice(0, count);
}
