import type { FlagName } from '../../core/flags';
import type { Pool } from '../../core/pool-schema';
import { compareDecimals, sumDecimals, toNumber } from '../../core/decimal';
import {
  assetsOf,
  balanceOf,
  leadingSymbols,
  poolKey,
  poolName,
  poolOfSymbol,
} from '../../core/pools';
import { logRange, onLogAxis, type LogRange } from '../../lib/log-scale';

/**
 * Bars drawn per chart. Around 40 pools exist, so every holder is drawn; with hundreds the chart
 * keeps the largest (plus the searched pool) and the data table beside it lists every one.
 */
export const MAX_BARS = 50;

export interface ChartRow {
  key: string;
  name: string;
  /** The upstream's exact string. */
  balance: string;
  /** For drawing only. */
  value: number;
  /** The length drawn on the log axis: the balance, or the axis' lower bound. */
  logValue: number;
  clamped: boolean;
  rank: number;
  members: number;
  leading: string[];
  /** The symbol the pool is named after (core `leadingSymbols`): the bar opens its symbol view. */
  opens: string | undefined;
  highlighted: boolean;
  /** The pool's flags (core/flags), marked on its bar, name and row. */
  flags: readonly FlagName[];
}

export interface AssetChartData {
  asset: string;
  /** Every pool holding the asset, largest first. */
  rows: ChartRow[];
  /** The rows drawn as bars. */
  bars: ChartRow[];
  total: string;
  log: LogRange;
  /** Equal signatures hold the same figures, so a refresh that changed nothing redraws nothing. */
  signature: string;
}

/** The key of the pool that covers `symbol`, if any. */
export function poolKeyOfSymbol(
  pools: readonly Pool[],
  symbol: string | undefined,
): string | undefined {
  if (symbol === undefined) return undefined;
  const pool = poolOfSymbol(pools, symbol);
  return pool ? poolKey(pool) : undefined;
}

interface Identity {
  key: string;
  name: string;
  leading: string[];
}

/**
 * A pool's key and name depend on its members only. The query keeps an unchanged `symbols` array
 * identical across refreshes, so with 600 pools a refresh does not sort and name them again.
 */
const identities = new WeakMap<readonly string[], Identity>();

function identityOf(pool: Pool): Identity {
  let identity = identities.get(pool.symbols);
  if (!identity) {
    identity = { key: poolKey(pool), name: poolName(pool), leading: leadingSymbols(pool) };
    identities.set(pool.symbols, identity);
  }
  return identity;
}

/** Each pool's flags, by pool key. */
export type FlagsByPool = ReadonlyMap<string, readonly FlagName[]>;
const NO_FLAGS: readonly FlagName[] = [];

function chartFor(
  pools: readonly Pool[],
  asset: string,
  highlight: string | undefined,
  flags: FlagsByPool | undefined,
) {
  const holders = pools
    .flatMap((pool) => {
      const held = balanceOf(pool, asset);
      if (!held) return [];
      const value = toNumber(held.marginBalance);
      return [{ pool, key: identityOf(pool).key, balance: held.marginBalance, value }];
    })
    // Rounding to a float never reverses an order, so floats decide unless they tie.
    .sort((a, b) => b.value - a.value || compareDecimals(b.balance, a.balance));
  const drawnAt = (rank: number) => rank <= MAX_BARS || holders[rank - 1]?.key === highlight;
  // The log axis spans the bars drawn, not the pools only the table lists.
  const log = logRange(holders.filter((_, i) => drawnAt(i + 1)).map((h) => h.value));
  const rows = holders.map(({ pool, key, balance, value }, i): ChartRow => {
    const { drawn, clamped } = onLogAxis(value, log);
    const { name, leading } = identityOf(pool);
    return {
      key,
      name,
      balance,
      value,
      logValue: drawn,
      clamped,
      rank: i + 1,
      members: pool.symbols.length,
      leading,
      opens: leading[0],
      highlighted: key === highlight,
      flags: flags?.get(key) ?? NO_FLAGS,
    };
  });
  const bars = rows.filter((r) => drawnAt(r.rank));
  const signature = [
    asset,
    ...rows.map((r) => `${r.key}=${r.balance}${r.highlighted ? '*' : ''}#${r.flags.join(' ')}`),
  ].join('\n');
  const total = sumDecimals(holders.map((h) => h.balance));
  return { asset, rows, bars, total, log, signature };
}

/**
 * One chart per asset found in the snapshot (no list of assets is written here), the asset held
 * by most pools first; equal ones keep their order of appearance.
 */
export function shapeCharts(
  pools: readonly Pool[],
  highlight?: string,
  flags?: FlagsByPool,
): AssetChartData[] {
  return assetsOf(pools)
    .map((asset) => chartFor(pools, asset, highlight, flags))
    .sort((a, b) => b.rows.length - a.rows.length);
}

/** A bar that moved less than this share of its axis looks the same: under 2 px on a 1,000 px chart. */
const REDRAW_SHARE = 0.002;

/**
 * Whether `next` would look different from the chart on screen, drawn from `drawn`: another order,
 * highlight or axis, or a bar that moved by more than a sliver of its axis on either scale. Small
 * moves add up against the drawing, not against the previous refresh, so no drift goes unseen.
 */
export function needsRedraw(drawn: AssetChartData, next: AssetChartData): boolean {
  if (drawn.bars.length !== next.bars.length) return true;
  if (drawn.log.floor !== next.log.floor || drawn.log.ceiling !== next.log.ceiling) return true;
  const top = next.bars.reduce((max, r) => Math.max(max, r.value), 0);
  const decades = Math.log10(next.log.ceiling / next.log.floor);
  return next.bars.some((r, i) => {
    const was = drawn.bars[i]!;
    if (
      was.key !== r.key ||
      was.highlighted !== r.highlighted ||
      was.flags.join() !== r.flags.join()
    )
      return true;
    const linear = top > 0 ? Math.abs(r.value - was.value) / top : 0;
    const log = Math.abs(Math.log10(r.logValue / was.logValue)) / decades;
    return linear > REDRAW_SHARE || log > REDRAW_SHARE;
  });
}
