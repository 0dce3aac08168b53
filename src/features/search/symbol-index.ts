import { baseOf, compareLikely } from '../../core/pools';

/**
 * Suggestions for the search box, fast enough for every keystroke with thousands of symbols:
 * the symbols are lower-cased, taken apart and ordered once, so a keystroke is one pass of string
 * comparisons into a few buckets, and no sort.
 */
export interface SymbolIndex {
  /** Most likely meant first (core `compareLikely`: perpetual, USDT, USDC, shorter). */
  symbols: readonly string[];
  lower: readonly string[];
  /** The base asset, lower-cased (`btc`, `1000pepe`). */
  bases: readonly string[];
  /** The base without a multiplier prefix (`pepe` for `1000pepe`, `babydoge` for `1mbabydoge`). */
  cores: readonly string[];
}

export interface Suggestions {
  /** The best suggestion first: the one Enter opens. */
  matches: string[];
  /** How many symbols match in all, of which `matches` holds the first ones. */
  total: number;
}

export const SUGGESTION_LIMIT = 12;

/** `1000PEPE` is PEPE counted in thousands: someone typing `pepe` means it. */
const MULTIPLIER = /^1(?:0+|m)(?=\p{L})/u;

export function buildSymbolIndex(symbols: Iterable<string>): SymbolIndex {
  const unique = [...new Set(symbols)].sort(compareLikely);
  const bases = unique.map((s) => baseOf(s).toLowerCase());
  return {
    symbols: unique,
    lower: unique.map((s) => s.toLowerCase()),
    bases,
    cores: bases.map((b) => b.replace(MULTIPLIER, '')),
  };
}

/** How well a symbol answers the text: 0 the symbol itself, 1 its base asset, 2 its start, 3 any part. */
const EXACT = 0;
const BASE = 1;
const START = 2;
const PART = 3;

/**
 * Symbols containing the text, whatever its case, the most likely meant first: the symbol
 * typed in full, then those whose base asset is the text (`btc`: BTCUSDT, BTCUSDC, the dated
 * BTCUSDT_260327; `pepe`: 1000PEPEUSDT), then those starting with it, then any containing it;
 * within each, perpetual before dated, USDT before USDC before other quotes, shorter first.
 */
export function suggest(index: SymbolIndex, text: string, limit = SUGGESTION_LIMIT): Suggestions {
  const query = text.trim().toLowerCase();
  if (query === '') return { matches: [], total: 0 };
  const buckets: string[][] = [[], [], [], []];
  let total = 0;
  for (let i = 0; i < index.lower.length; i += 1) {
    const lower = index.lower[i]!;
    const at = lower.indexOf(query);
    if (at === -1) continue;
    total += 1;
    const rank =
      lower === query
        ? EXACT
        : index.bases[i] === query || index.cores[i] === query
          ? BASE
          : at === 0
            ? START
            : PART;
    const bucket = buckets[rank]!;
    if (bucket.length < limit) bucket.push(index.symbols[i]!);
  }
  return { matches: buckets.flat().slice(0, limit), total };
}
