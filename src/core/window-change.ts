import { decimalSign, relativeChange, subtractDecimals } from './decimal';
import {
  CHANGE_WINDOW_NAMES,
  CHANGE_WINDOWS,
  type ChangeWindow,
  type HistoryPoint,
  type OverviewPool,
} from './history';

/**
 * How much a pool's balance of one asset changed over 1 h, 24 h or 7 d, by the recorded history
 * (`/api/overview`): the latest recorded balance minus the balance of the last point at or before
 * (latest `t` − window), exactly. Where the history does not reach back that far there is no
 * change to give: a shorter past is never passed off as the window. Where the pool's members
 * changed within the window the figure is given and said to span a regrouping, so a jump caused
 * by one is not read as a loss.
 */
export interface WindowChange {
  window: ChangeWindow;
  asset: string;
  /** `to.balance - from.balance`, with as many decimals as the more precise of the two. */
  value: string;
  /** -1, 0 or 1: which way the balance went. */
  sign: -1 | 0 | 1;
  /** `value / from.balance`, for the percentage; `undefined` from a balance of zero. */
  rel: number | undefined;
  /** The point the change is measured from (at or before `to.t` − window) and the latest one. */
  from: HistoryPoint;
  to: HistoryPoint;
  /** The pool's members changed within the window. */
  regrouped: boolean;
}

/** Every window's change of every asset of one overview entry, worked out once per entry. */
export type PoolWindowChanges = ReadonlyMap<string, Partial<Record<ChangeWindow, WindowChange>>>;

const cache = new WeakMap<OverviewPool, PoolWindowChanges>();

function changeOf(
  window: ChangeWindow,
  asset: string,
  to: HistoryPoint,
  from: HistoryPoint | null,
  regrouped: boolean,
): WindowChange | undefined {
  // The reference must lie a whole window back; anything later would claim a change from less.
  if (!from || from.t > to.t - CHANGE_WINDOWS[window]) return undefined;
  const value = subtractDecimals(to.balance, from.balance);
  return {
    window,
    asset,
    value,
    sign: decimalSign(value),
    rel: relativeChange(from.balance, to.balance),
    from,
    to,
    regrouped,
  };
}

/** The changes the history gives for this pool, by asset then window. */
export function poolWindowChanges(history: OverviewPool): PoolWindowChanges {
  let changes = cache.get(history);
  if (changes) return changes;
  const byAsset = new Map<string, Partial<Record<ChangeWindow, WindowChange>>>();
  for (const a of history.assets) {
    const windows: Partial<Record<ChangeWindow, WindowChange>> = {};
    for (const w of CHANGE_WINDOW_NAMES) {
      const change = changeOf(
        w,
        a.asset,
        a.latest,
        a.ref[w] ?? null,
        history.regrouped[w] ?? false,
      );
      if (change) windows[w] = change;
    }
    byAsset.set(a.asset, windows);
  }
  changes = byAsset;
  cache.set(history, changes);
  return changes;
}

/** One asset's change over one window; `undefined` without history reaching back that far. */
export function windowChange(
  history: OverviewPool | undefined,
  asset: string,
  window: ChangeWindow,
): WindowChange | undefined {
  return history ? poolWindowChanges(history).get(asset)?.[window] : undefined;
}

/** Every asset's change over the window, in the history's order; `undefined` if one has none. */
export function everyAssetChange(
  history: OverviewPool,
  window: ChangeWindow,
): WindowChange[] | undefined {
  const all = poolWindowChanges(history);
  const changes: WindowChange[] = [];
  for (const a of history.assets) {
    const c = all.get(a.asset)?.[window];
    if (!c) return undefined;
    changes.push(c);
  }
  return changes.length > 0 ? changes : undefined;
}
