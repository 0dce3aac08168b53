import { drawnDownFlag, lowFlag, staleRule, type PoolFlags, type StaleRule } from './flags';
import { staleFlag } from './flags';
import { CHANGE_WINDOW_NAMES, type ChangeWindow, type OverviewPool } from './history';
import type { Pool } from './pool-schema';
import { poolKey } from './pools';
import { valuePool, type AssetIndexMap, type PoolValue } from './valuation';
import { biggestFallsOf, poolChange, roughShare, type PoolChange } from './value-change';

export interface FallOf {
  item: Pool;
  change: PoolChange;
}

/**
 * What the views need to show dollars and flags, gathered once per answer: the asset index, the
 * history's overview of each pool and the Low threshold, with each pool's figures worked out once
 * per pool object (a refresh keeps an unchanged pool as the same object) and kept for the rest.
 */
export interface Valuation {
  /** `undefined` while no asset index could be had: then no pool has a dollar value. */
  index: AssetIndexMap | undefined;
  /** The overview's pools by key; `undefined` without recorded history. */
  history: ReadonlyMap<string, OverviewPool> | undefined;
  lowUsd: string;
  poolValue(pool: Pool): PoolValue | undefined;
  historyOf(pool: Pool): OverviewPool | undefined;
  /** Low and Drawn down, which change only with the data. */
  flagsOf(pool: Pool): Pick<PoolFlags, 'low' | 'drawnDown'>;
  staleRuleOf(pool: Pool): StaleRule;
  /** All three at `now`. */
  allFlagsOf(pool: Pool, now: number): PoolFlags;
  /** The pool's change over the window as one figure (core/value-change), for sorting and ranking. */
  changeOf(pool: Pool, window: ChangeWindow): PoolChange | undefined;
  /** The pools that fell most over the window, the largest share first (core/value-change). */
  fallsOf(pools: readonly Pool[], window: ChangeWindow, count: number): FallOf[];
}

export interface ValuationInputs {
  index?: AssetIndexMap;
  history?: ReadonlyMap<string, OverviewPool>;
  lowUsd: string;
}

function cached<T>(work: (pool: Pool) => T): (pool: Pool) => T {
  const cache = new WeakMap<Pool, T>();
  return (pool) => {
    if (cache.has(pool)) return cache.get(pool) as T;
    const result = work(pool);
    cache.set(pool, result);
    return result;
  };
}

export function createValuation({ index, history, lowUsd }: ValuationInputs): Valuation {
  const poolValue = cached((pool) => (index ? valuePool(pool, index) : undefined));
  const historyOf = (pool: Pool) => history?.get(poolKey(pool));
  // Each window is worked out when first asked for: the first screen ranks by 24 h alone.
  const changes = CHANGE_WINDOW_NAMES.map((w) => [
    w,
    cached((pool) => poolChange(historyOf(pool), index, w)),
  ]) as [ChangeWindow, (pool: Pool) => PoolChange | undefined][];
  const changeIn = Object.fromEntries(changes) as Record<
    ChangeWindow,
    (pool: Pool) => PoolChange | undefined
  >;
  const flagsOf = cached((pool): Pick<PoolFlags, 'low' | 'drawnDown'> => {
    const low = lowFlag(pool, poolValue(pool), lowUsd);
    const drawnDown = drawnDownFlag(pool, historyOf(pool), index);
    return { ...(low && { low }), ...(drawnDown && { drawnDown }) };
  });
  const staleRuleOf = cached((pool) => staleRule(historyOf(pool)?.interval));
  return {
    index,
    history,
    lowUsd,
    poolValue,
    historyOf,
    flagsOf,
    staleRuleOf,
    allFlagsOf(pool, now) {
      const stale = staleFlag(pool, staleRuleOf(pool), now);
      return { ...flagsOf(pool), ...(stale && { stale }) };
    },
    changeOf: (pool, window) => changeIn[window](pool),
    fallsOf: (pools, window, count) =>
      biggestFallsOf(
        pools,
        (pool) => roughShare(historyOf(pool), index, window),
        changeIn[window],
        count,
      ),
  };
}
