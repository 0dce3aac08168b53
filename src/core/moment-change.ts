import { compareDecimals, subtractDecimals } from './decimal.ts';
import type { Pool } from './pool-schema.ts';
import { balanceOf, poolKey, totalsByAsset } from './pools.ts';

/**
 * What each pool of one moment (`at`) did since an earlier one (`vs`). A pool is its member set
 * (core/pools `poolKey`): the same set at both moments is the same pool, and each balance's change
 * is exact. A pool whose members were grouped otherwise at `vs` was regrouped: its balances were
 * another pool's then, so no change is given (a regrouping is not a loss); the pools its members
 * came from are named instead.
 */
export type MomentChange =
  | {
      regrouped: false;
      /** Asset -> `at` minus `vs`, exact; an asset the pool did not hold at `vs` is left out. */
      assets: ReadonlyMap<string, string>;
    }
  | {
      regrouped: true;
      /** The member lists, at `vs`, of the pools that then held this pool's members. */
      from: readonly (readonly string[])[];
      /** Members no pool listed at `vs`. */
      added: readonly string[];
    };

export function momentChanges(
  at: readonly Pool[],
  vs: readonly Pool[],
): ReadonlyMap<string, MomentChange> {
  const before = new Map(vs.map((p) => [poolKey(p), p]));
  const poolOf = new Map<string, Pool>();
  for (const p of vs) for (const s of p.symbols) poolOf.set(s, p);
  const out = new Map<string, MomentChange>();
  for (const p of at) {
    const key = poolKey(p);
    const then = before.get(key);
    if (then) {
      const assets = new Map<string, string>();
      for (const a of p.assets) {
        const old = balanceOf(then, a.asset);
        if (old) assets.set(a.asset, subtractDecimals(a.marginBalance, old.marginBalance));
      }
      out.set(key, { regrouped: false, assets });
      continue;
    }
    const from = new Set<Pool>();
    const added: string[] = [];
    for (const s of p.symbols) {
      const q = poolOf.get(s);
      if (q) from.add(q);
      else added.push(s);
    }
    out.set(key, { regrouped: true, from: [...from].map((q) => q.symbols), added });
  }
  return out;
}

/** Each asset's total over every pool at both moments and the exact change between them. */
export function momentTotals(at: readonly Pool[], vs: readonly Pool[]) {
  const a = totalsByAsset(at);
  const b = totalsByAsset(vs);
  const assets = [...new Set([...a.keys(), ...b.keys()])].sort();
  return assets.map((asset) => {
    const now = a.get(asset) ?? '0';
    const then = b.get(asset) ?? '0';
    return { asset, at: now, vs: then, change: subtractDecimals(now, then) };
  });
}

/**
 * Orders pools by the change of `asset` from `vs` to `at`, the largest fall first (`asc`);
 * pools without a change of that asset (regrouped, or new to it) come last either way.
 */
export function sortByMomentChange(
  pools: readonly Pool[],
  changes: ReadonlyMap<string, MomentChange>,
  asset: string,
  dir: 'asc' | 'desc',
): Pool[] {
  const valueOf = (p: Pool) => {
    const c = changes.get(poolKey(p));
    return c && !c.regrouped ? c.assets.get(asset) : undefined;
  };
  return [...pools].sort((x, y) => {
    const a = valueOf(x);
    const b = valueOf(y);
    if (a === undefined || b === undefined)
      return (a === undefined ? 1 : 0) - (b === undefined ? 1 : 0);
    const c = compareDecimals(a, b);
    return dir === 'asc' ? c : -c;
  });
}
