/**
 * Known symbols close to one the exchange does not list: a typo (`BTCUSTD`), a missing quote
 * (`BTC`) or a case or suffix slip. Ranked by edit distance, shortest first on a tie.
 */
export const NEAR_MATCH_LIMIT = 5;

/** Optimal string alignment distance (edits, with swaps of neighbours), or `max + 1` once beyond `max`. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let before: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(previous[j]! + 1, row[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        d = Math.min(d, before[j - 2]! + 1);
      row.push(d);
      best = Math.min(best, d);
    }
    if (best > max) return max + 1;
    before = previous;
    previous = row;
  }
  return previous[b.length]!;
}

export function nearMatches(
  symbol: string,
  known: readonly string[],
  limit = NEAR_MATCH_LIMIT,
): string[] {
  const wanted = symbol.toUpperCase();
  const max = Math.max(2, Math.floor(wanted.length / 4));
  const scored: { symbol: string; score: number }[] = [];
  for (const candidate of known) {
    if (candidate === symbol) continue;
    const upper = candidate.toUpperCase();
    let score = editDistance(wanted, upper, max);
    // A part of a symbol (`BTC`, `PEPE`) finds the symbols built on it, after the close typos.
    if (score > max && wanted.length >= 2 && upper.includes(wanted)) score = max + 0.5;
    if (score <= max + 0.5) scored.push({ symbol: candidate, score });
  }
  scored.sort(
    (a, b) =>
      a.score - b.score ||
      a.symbol.length - b.symbol.length ||
      (a.symbol < b.symbol ? -1 : a.symbol > b.symbol ? 1 : 0),
  );
  return scored.slice(0, limit).map((s) => s.symbol);
}
