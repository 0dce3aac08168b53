import {
  compareDecimals,
  multiplyDecimals,
  relativeChange,
  roughOrder,
  roundToCents,
  subtractDecimals,
} from './decimal.ts';
import type { OverviewAnswer, OverviewPool } from './history.ts';
import type { Pool } from './pool-schema.ts';
import { exactUsd, indexOf, type AssetIndexMap } from './valuation.ts';

/**
 * The "Drawn down" rule: a pool more than 30 % below its 7-day peak, or more than 10 % down in
 * 24 h, by the recorded history (`peak7d` and `ref['24h']` of `/api/overview`).
 *
 * What is compared is what the fund holds, not what the market did: the balances then and now are
 * both valued at today's index, so a fall of BTC's price is no drawdown, a payout is. Assets
 * without an index are left out; a pool with no valued asset is judged asset by asset in its own
 * units. For a pool of one asset both ways give the same share. The peak is each asset's own
 * 7-day high, so for a pool of several assets that peaked at different times the peak is an upper
 * bound. A window within which the pool's members changed is not judged: a regrouping is not a loss.
 */

export const DRAWDOWN_FROM_PEAK = '0.3';
export const DRAWDOWN_IN_24H = '0.1';

export type DrawdownWindow = 'peak7d' | '24h';

export interface Drawdown {
  window: DrawdownWindow;
  /** `usd`: the valued assets at today's index; otherwise the one asset whose units are compared. */
  basis: string;
  /** The reference (peak or 24 h ago) and the balance now: dollars to the cent, or exact units. */
  from: string;
  to: string;
  /** `(to - from) / from`, for the tooltip's percentage. */
  change: number;
  /** The share of `from` beyond which the fall counts. */
  limit: string;
}

/** The pools of an overview answer by their key (core/pools `poolKey`). */
export function historyByKey(overview: OverviewAnswer): ReadonlyMap<string, OverviewPool> {
  return new Map(overview.pools.map((p) => [p.key, p]));
}

interface Row {
  asset: string;
  then: string;
  now: string;
}

function rowsOf(pool: Pool, history: OverviewPool, window: DrawdownWindow): Row[] {
  const rows: Row[] = [];
  for (const balance of pool.assets) {
    const past = history.assets.find((a) => a.asset === balance.asset);
    const ref = window === 'peak7d' ? past?.peak7d : past?.ref['24h'];
    if (ref) rows.push({ asset: balance.asset, then: ref.balance, now: balance.marginBalance });
  }
  return rows;
}

/**
 * Whether `now` lies more than `limit` (a share) below a positive `then`, exactly: below
 * `then × (1 − limit)`. The doubles answer first (core/decimal `roughOrder`); only a figure that
 * close to the line is worked out digit by digit. The drawdown's rule, and the `drop` event's.
 */
export function fallsBeyond(then: string, now: string, limit: string): boolean {
  const x = Number(then);
  if (x > 0) {
    const rough = roughOrder(Number(now), x * (1 - Number(limit)));
    if (rough !== undefined) return rough < 0;
  }
  if (compareDecimals(then, '0') <= 0) return false;
  return compareDecimals(now, multiplyDecimals(then, subtractDecimals('1', limit))) < 0;
}

function judge(window: DrawdownWindow, basis: string, then: string, now: string, limit: string) {
  if (!fallsBeyond(then, now, limit)) return undefined;
  const usd = basis === 'usd';
  return {
    window,
    basis,
    from: usd ? roundToCents(then) : then,
    to: usd ? roundToCents(now) : now,
    change: relativeChange(then, now) ?? 0,
    limit,
  } satisfies Drawdown;
}

function drawdownIn(
  pool: Pool,
  history: OverviewPool,
  index: AssetIndexMap | undefined,
  window: DrawdownWindow,
): Drawdown | undefined {
  if (history.regrouped[window === 'peak7d' ? '7d' : '24h']) return undefined;
  const limit = window === 'peak7d' ? DRAWDOWN_FROM_PEAK : DRAWDOWN_IN_24H;
  const rows = rowsOf(pool, history, window);
  const valued = index ? rows.flatMap((r) => (indexOf(index, r.asset) ? [r] : [])) : [];
  if (index && valued.length > 0) {
    // Most pools are nowhere near their limit: a look in doubles tells them apart at a fraction
    // of the cost of exact sums, on every refresh of every pool.
    let thenF = 0;
    let nowF = 0;
    for (const r of valued) {
      const price = Number(indexOf(index, r.asset)!.index);
      thenF += Number(r.then) * price;
      nowF += Number(r.now) * price;
    }
    if (thenF > 0 && roughOrder(nowF, thenF * (1 - Number(limit))) === 1) return undefined;
    const at = (side: 'then' | 'now') =>
      exactUsd(valued.map((r) => ({ balance: r[side], index: indexOf(index, r.asset)!.index })));
    return judge(window, 'usd', at('then'), at('now'), limit);
  }
  const falls = rows.flatMap((r) => judge(window, r.asset, r.then, r.now, limit) ?? []);
  return falls.sort((a, b) => a.change - b.change)[0];
}

/** Each window in which the pool fell beyond its limit; empty when it did not or cannot be told. */
export function drawdownsOf(
  pool: Pool,
  history: OverviewPool | undefined,
  index: AssetIndexMap | undefined,
): Drawdown[] {
  if (!history) return [];
  return (['peak7d', '24h'] as const).flatMap((w) => drawdownIn(pool, history, index, w) ?? []);
}
