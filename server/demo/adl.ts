import { ADL_UPDATE_MS, type AdlLevel, type AdlRating } from '../../src/core/adl.ts';

/**
 * The demo's ADL risk ratings, as a function of the symbol and the time, so the generated month
 * and the live demo upstream tell one story: most symbols low throughout, a handful that move
 * between high and medium, a handful that are medium now and then. A rating holds for a block of
 * three days and is stamped, as the exchange's are, at the half hour it was updated.
 */
const BLOCK_MS = 3 * 86_400_000;

function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** The rating the demo gives `symbol` at `t`. */
export function demoAdlLevel(symbol: string, t: number): AdlLevel {
  const kind = hash(symbol) % 100;
  if (kind >= 4) return 'low';
  const r = hash(`${symbol}:${Math.floor(t / BLOCK_MS)}`) / 0x1_0000_0000;
  if (kind < 2) return r < 0.65 ? 'high' : 'medium';
  return r < 0.25 ? 'medium' : 'low';
}

/** The exchange's `updateTime` of a rating given at `t`: the half hour's update, 2 s in. */
export function demoAdlTime(t: number): number {
  return Math.floor(t / ADL_UPDATE_MS) * ADL_UPDATE_MS + 2_000;
}

/** `GET /fapi/v1/symbolAdlRisk` of the demo: every symbol, or the one asked for (`undefined`: unknown). */
export function demoAdlAnswer(symbols: readonly string[], t: number, symbol: string | null) {
  const entry = (s: string) => ({
    symbol: s,
    adlRisk: demoAdlLevel(s, t),
    updateTime: demoAdlTime(t),
  });
  if (symbol === null) return [...symbols].sort().map(entry);
  return symbols.includes(symbol) ? entry(symbol) : undefined;
}

/** A span in which the demo's story sets a symbol's rating itself (after a drawdown of its pool). */
export interface AdlEpisode {
  symbol: string;
  from: number;
  to: number;
  level: AdlLevel;
}

/**
 * The rating changes of `symbols` over `[from, to]` as the recorder would have stored them: each
 * symbol's rating at `from`, then every change, the episodes' ratings in place of the usual ones.
 */
export function demoAdlChanges(
  symbols: readonly string[],
  from: number,
  to: number,
  episodes: readonly AdlEpisode[] = [],
): AdlRating[] {
  const out: AdlRating[] = [];
  const levelAt = (s: string, t: number) =>
    episodes.find((e) => e.symbol === s && e.from <= t && t < e.to)?.level ?? demoAdlLevel(s, t);
  for (const symbol of symbols) {
    // The ratings change only where a block or an episode begins or ends.
    const times = [from];
    for (let b = Math.ceil(from / BLOCK_MS) * BLOCK_MS; b <= to; b += BLOCK_MS) times.push(b);
    for (const e of episodes)
      if (e.symbol === symbol) times.push(...[e.from, e.to].filter((t) => t > from && t <= to));
    times.sort((a, b) => a - b);
    let last: AdlLevel | undefined;
    for (const t of times) {
      const level = levelAt(symbol, t);
      if (level === last) continue;
      out.push({ symbol, level, updateTime: demoAdlTime(t) });
      last = level;
    }
  }
  return out.sort((a, b) => a.updateTime - b.updateTime || (a.symbol < b.symbol ? -1 : 1));
}
