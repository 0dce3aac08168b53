/**
 * Suggestions for the search box, fast enough for every keystroke with thousands of symbols:
 * the symbols are lower-cased and ordered once, so a keystroke is one pass of `indexOf`.
 */
export interface SymbolIndex {
  /** Shortest first, then alphabetical: the likeliest wanted symbol comes first. */
  symbols: readonly string[];
  lower: readonly string[];
}

export interface Suggestions {
  matches: string[];
  /** How many symbols match in all, of which `matches` holds the first ones. */
  total: number;
}

export const SUGGESTION_LIMIT = 12;

export function buildSymbolIndex(symbols: Iterable<string>): SymbolIndex {
  const unique = [...new Set(symbols)].sort(
    (a, b) => a.length - b.length || (a < b ? -1 : a > b ? 1 : 0),
  );
  return { symbols: unique, lower: unique.map((s) => s.toLowerCase()) };
}

/** Symbols containing the text, whatever its case: those starting with it first. */
export function suggest(index: SymbolIndex, text: string, limit = SUGGESTION_LIMIT): Suggestions {
  const query = text.trim().toLowerCase();
  if (query === '') return { matches: [], total: 0 };
  const starts: string[] = [];
  const contains: string[] = [];
  let total = 0;
  for (let i = 0; i < index.lower.length; i += 1) {
    const at = index.lower[i]!.indexOf(query);
    if (at === -1) continue;
    total += 1;
    if (at === 0) {
      if (starts.length < limit) starts.push(index.symbols[i]!);
    } else if (contains.length < limit) contains.push(index.symbols[i]!);
  }
  return { matches: [...starts, ...contains].slice(0, limit), total };
}
