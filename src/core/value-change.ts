import { roughOrder } from './decimal';
import { CHANGE_WINDOWS, type ChangeWindow, type OverviewPool } from './history';
import { indexOf, usdChange, type AssetIndexMap } from './valuation';
import { everyAssetChange } from './window-change';

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

export function poolChange(
  history: OverviewPool | undefined,
  index: AssetIndexMap | undefined,
  window: ChangeWindow,
): PoolChange | undefined {
  if (!history) return undefined;
  const changes = everyAssetChange(history, window);
  if (!changes) return undefined;
  const regrouped = history.regrouped[window] ?? false;
  const usd = index ? usdChange(changes, index) : undefined;
  if (usd) return { window, basis: 'usd', ...usd, regrouped };
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

/**
 * The pool's change over the window as a share, in doubles, as poolChange would give its `rel`:
 * for choosing which pools to work out exactly, never shown. `undefined` where there is no
 * figure, where the members changed within the window, or where the pool clearly rose (core/decimal
 * `roughOrder`): no fall, then.
 */
export function roughShare(
  history: OverviewPool | undefined,
  index: AssetIndexMap | undefined,
  window: ChangeWindow,
): number | undefined {
  if (!history || history.assets.length === 0 || history.regrouped[window]) return undefined;
  let change = 0;
  let then = 0;
  let valued = 0;
  let worst: number | undefined;
  let rising = true;
  for (const a of history.assets) {
    const from = a.ref[window];
    if (!from || from.t > a.latest.t - CHANGE_WINDOWS[window]) return undefined;
    const past = Number(from.balance);
    const now = Number(a.latest.balance);
    const entry = index ? indexOf(index, a.asset) : undefined;
    if (entry) {
      const price = Number(entry.index);
      change += (now - past) * price;
      then += past * price;
      valued += 1;
    } else {
      rising &&= roughOrder(now, past) === 1;
      if (past !== 0) worst = Math.min(worst ?? Infinity, (now - past) / past);
    }
  }
  if (valued > 0)
    return then === 0 || roughOrder(then + change, then) === 1 ? undefined : change / then;
  return rising ? undefined : worst;
}

/**
 * Shares within this of the last one ranked are worked out exactly too: the exact shares are cut
 * to millionths (core/decimal `relativeChange`), so two pools a millionth apart may tie, and a
 * tie is broken by the pools' order.
 */
const ROUGH_MARGIN = 2e-6;

/**
 * The same as biggestFalls over every item, working out the exact change only of the items whose
 * rough share can rank among the first `count` (and of every falling one should that leave too
 * few); a pool clearly rising, or with no figure, cannot fall: with 600 pools, exact sums for
 * each on every refresh cost more than the rest of the summary.
 */
export function biggestFallsOf<T>(
  items: readonly T[],
  rough: (item: T) => number | undefined,
  exact: (item: T) => PoolChange | undefined,
  count: number,
): { item: T; change: PoolChange }[] {
  // In the items' own order, which breaks the exact ranking's ties.
  const falling = items.flatMap((item) => {
    const share = rough(item);
    return share !== undefined ? [{ item, share }] : [];
  });
  const cut = falling.map((f) => f.share).sort((a, b) => a - b)[count - 1];
  const near = cut === undefined ? falling : falling.filter((f) => f.share <= cut + ROUGH_MARGIN);
  const ranked = biggestFalls(
    near.map(({ item }) => ({ item, change: exact(item) })),
    count,
  );
  if (ranked.length >= count || near.length === falling.length) return ranked;
  return biggestFalls(
    falling.map(({ item }) => ({ item, change: exact(item) })),
    count,
  );
}
