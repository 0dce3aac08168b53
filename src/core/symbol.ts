/**
 * What can be a USDⓈ-M futures symbol. Binance lists symbols such as `BTCUSDT`,
 * `BTCUSDT_260327`, `1000PEPEUSDT` and `币安人生USDT`: letters of any script, digits and `_`.
 * Anything else is refused before the endpoint is asked.
 */
export const SYMBOL_MAX_LENGTH = 40;

const SYMBOL_PATTERN = /^[\p{L}\p{M}\p{N}_]+$/u;

export type SymbolCheck =
  { ok: true; symbol: string } | { ok: false; reason: 'empty' | 'too-long' | 'characters' };

/** Trims, upper-cases ASCII letters only (other scripts stay as typed), and checks the result. */
export function normalizeSymbol(input: string): SymbolCheck {
  const trimmed = input.trim();
  if (trimmed === '') return { ok: false, reason: 'empty' };
  if ([...trimmed].length > SYMBOL_MAX_LENGTH) return { ok: false, reason: 'too-long' };
  if (!SYMBOL_PATTERN.test(trimmed)) return { ok: false, reason: 'characters' };
  return { ok: true, symbol: trimmed.replace(/[a-z]+/g, (s) => s.toUpperCase()) };
}
