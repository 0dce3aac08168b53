import type { AlertView } from '../../core/alerts';
import type { Pool } from '../../core/pool-schema';
import { compareDecimals } from '../../core/decimal';
import { changeKey } from '../../core/refresh-change';

/** A fall over 24 h at least this large (as a share) asks for attention by itself. */
export const ATTENTION_FALL = 0.02;

export interface AttentionInputs {
  /** Each pool's stable key (core/pools `poolKey`). */
  keyOf: (pool: Pool) => string;
  /** Whether the pool is drawn down (its flag) or has an active alert. */
  flagged: (pool: Pool) => boolean;
  /** Whether the pool carries the Low flag: worth less than the link's threshold. */
  low: (pool: Pool) => boolean;
  /** The pool's change over 24 h as a share (−0.05 for a 5 % fall); `undefined` without history. */
  fall: (pool: Pool) => number | undefined;
  /** The pool's worth in dollars to the cent; `undefined` without an asset index. */
  usd: (pool: Pool) => string | undefined;
  /** Sharp drops held on the wall now, by `changeKey` (./marks). */
  drops: ReadonlyMap<string, unknown>;
}

/**
 * The symbols of the pools with an alert firing on the server (`GET /api/alerts`): a pool with
 * one of them has an active alert. An alert on no pool (`stale`) names none.
 */
export function alertedSymbols(active: readonly AlertView[] | undefined): ReadonlySet<string> {
  const symbols = new Set<string>();
  for (const a of active ?? []) {
    for (const s of a.pool.symbols) symbols.add(s);
    if (a.symbol) symbols.add(a.symbol);
  }
  return symbols;
}

/**
 * The wall's own order when its link names none: what needs attention first, then every other
 * pool by its worth, the largest first. Attention comes in tiers: a sharp drop held on the wall;
 * then a Drawn down flag, an active alert or a fall of 2 % or more over 24 h; then the Low flag.
 * Within a tier the largest fall over 24 h comes first, then the larger pool. A small pool being
 * drawn down is on page 1, not on the page its size or its name would put it on.
 */
export function attentionOrder(pools: readonly Pool[], inputs: AttentionInputs): Pool[] {
  const rows = pools.map((pool) => {
    const rel = inputs.fall(pool);
    const tier = pool.assets.some((a) => inputs.drops.has(changeKey(pool, a.asset)))
      ? 0
      : inputs.flagged(pool) || (rel !== undefined && rel <= -ATTENTION_FALL)
        ? 1
        : inputs.low(pool)
          ? 2
          : 3;
    return { pool, rel, tier, usd: inputs.usd(pool), key: inputs.keyOf(pool) };
  });
  type Row = (typeof rows)[number];
  const byWorth = (a: Row, b: Row) => {
    if (a.usd === undefined || b.usd === undefined)
      return a.usd === b.usd ? 0 : a.usd === undefined ? 1 : -1;
    return compareDecimals(b.usd, a.usd);
  };
  rows.sort((a, b) => {
    if (a.tier !== b.tier) return a.tier - b.tier;
    if (a.tier < 3) {
      const fall = (a.rel ?? 0) - (b.rel ?? 0);
      if (fall !== 0) return fall;
    }
    return byWorth(a, b) || a.key.localeCompare(b.key);
  });
  return rows.map((r) => r.pool);
}
