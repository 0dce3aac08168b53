import { ADL_UPDATE_MS, type AdlRating } from '../../src/core/adl.ts';
import { demoAdlChanges, demoAdlLevel, type AdlEpisode } from './adl.ts';
import type { DemoPool } from './market.ts';

/** How long after a drawdown the exchange's next rating raises the pool's symbol, and for how long. */
const AFTER_DROP_MS = ADL_UPDATE_MS;
const HIGH_FOR_MS = 12 * 3_600_000;
const MEDIUM_FOR_MS = 12 * 3_600_000;

/**
 * The demo month's rating changes: every symbol of the market as demoAdlLevel rates it, and,
 * after the latest drawdown, a symbol of the pool that fell (one rated low then) raised to high
 * at the next update for half a day, then medium for another half, then back to its usual rating.
 */
export function adlAfterDrop(
  market: readonly DemoPool[],
  drops: readonly { t: number; symbols: readonly string[] }[],
  from: number,
  to: number,
): AdlRating[] {
  const symbols = [...new Set(market.flatMap((p) => p.symbols))].sort();
  const episodes: AdlEpisode[] = [];
  const drop = drops.at(-1);
  const symbol = drop?.symbols.find((s) => demoAdlLevel(s, drop.t) === 'low');
  if (drop && symbol) {
    const high = Math.ceil((drop.t + 1) / AFTER_DROP_MS) * AFTER_DROP_MS;
    episodes.push(
      { symbol, from: high, to: high + HIGH_FOR_MS, level: 'high' },
      { symbol, from: high + HIGH_FOR_MS, to: high + HIGH_FOR_MS + MEDIUM_FOR_MS, level: 'medium' },
    );
  }
  return demoAdlChanges(symbols, from, to, episodes);
}
