import { compareDecimals } from './decimal.ts';
import { drawdownsOf, type Drawdown } from './drawdown.ts';
import type { OverviewPool } from './history.ts';
import type { Pool } from './pool-schema.ts';
import { snapshotTime } from './pools.ts';
import type { AssetIndexMap, PoolValue } from './valuation.ts';

/**
 * The three flags a pool can carry, each rule written here once, each with the figures that
 * raised it (for the tooltip):
 *
 * - **Low**: worth less than a threshold in dollars (default 100,000; `?low=`), or holding a
 *   balance of zero. The value is judged only when every asset of the pool is valued: with an
 *   asset that has no index the dollar figure is a part, not the whole, and is not called low.
 *   Without the index at all, only a zero balance raises it. The figure compared is the one shown,
 *   to the cent.
 * - **Drawn down**: see core/drawdown.
 * - **Stale**: the snapshot is older than three times the pool's usual interval between
 *   snapshots, as the history learned it (`interval` of `/api/overview`), and never less than
 *   15 minutes. The exchange does not document its cadence, so none is assumed: until the history
 *   has learned one (no history yet, or too few snapshots), the 15-minute floor alone applies, and
 *   the flag says the interval is not known yet.
 */

export const FLAG_NAMES = ['low', 'drawn-down', 'stale'] as const;
export type FlagName = (typeof FLAG_NAMES)[number];

export const DEFAULT_LOW_USD = '100000';
export const STALE_INTERVALS = 3;
export const STALE_FLOOR_MS = 15 * 60_000;

export interface LowFlag {
  /** Assets whose balance is zero (or below). */
  zero: string[];
  /** Set when the pool's value is under the threshold. */
  below?: { usd: string; threshold: string };
}

export interface DrawnDownFlag {
  drawdowns: Drawdown[];
}

export interface StaleRule {
  /** A snapshot older than this is stale. */
  afterMs: number;
  /** The learned interval between snapshots, `null` while it is not known. */
  interval: number | null;
}

export interface StaleFlag extends StaleRule {
  ageMs: number;
}

export interface PoolFlags {
  low?: LowFlag;
  drawnDown?: DrawnDownFlag;
  stale?: StaleFlag;
}

export function lowFlag(
  pool: Pool,
  value: PoolValue | undefined,
  thresholdUsd: string,
): LowFlag | undefined {
  const zero = pool.assets.flatMap((a) =>
    compareDecimals(a.marginBalance, '0') <= 0 ? [a.asset] : [],
  );
  const judged = value !== undefined && value.unvalued.length === 0;
  const below =
    judged && compareDecimals(value.usd, thresholdUsd) < 0
      ? { usd: value.usd, threshold: thresholdUsd }
      : undefined;
  return zero.length > 0 || below ? { zero, ...(below ? { below } : {}) } : undefined;
}

export function drawnDownFlag(
  pool: Pool,
  history: OverviewPool | undefined,
  index: AssetIndexMap | undefined,
): DrawnDownFlag | undefined {
  const drawdowns = drawdownsOf(pool, history, index);
  return drawdowns.length > 0 ? { drawdowns } : undefined;
}

export function staleRule(interval: number | null | undefined): StaleRule {
  if (interval === null || interval === undefined || interval <= 0)
    return { afterMs: STALE_FLOOR_MS, interval: null };
  return { afterMs: Math.max(STALE_INTERVALS * interval, STALE_FLOOR_MS), interval };
}

/** Stale when the pool's snapshot (its newest `updateTime`) is older than the rule allows. */
export function staleFlag(pool: Pool, rule: StaleRule, now: number): StaleFlag | undefined {
  const ageMs = now - snapshotTime([pool]);
  return ageMs > rule.afterMs ? { ...rule, ageMs } : undefined;
}

/** The names of the flags raised, in the order of `FLAG_NAMES`. */
export function flagNames(flags: PoolFlags): FlagName[] {
  return FLAG_NAMES.filter((name) =>
    name === 'low' ? flags.low : name === 'drawn-down' ? flags.drawnDown : flags.stale,
  );
}

/** How many pools carry each flag. */
export function countFlags(all: readonly PoolFlags[]): Record<FlagName, number> {
  const counts: Record<FlagName, number> = { low: 0, 'drawn-down': 0, stale: 0 };
  for (const flags of all) for (const name of flagNames(flags)) counts[name] += 1;
  return counts;
}
