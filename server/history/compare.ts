import { compareDecimals } from '../../src/core/decimal.ts';

/**
 * `compareDecimals`, with a quick answer first: when the two values' nearest floats differ by
 * far more than a float's rounding, their order is the floats' order; only values that close
 * are compared digit by digit. The result is always the exact order.
 */
export function compareBalances(a: string, b: string): number {
  if (a === b) return 0;
  const x = Number(a);
  const y = Number(b);
  const scale = Math.max(Math.abs(x), Math.abs(y));
  if (Number.isFinite(scale) && Math.abs(x - y) > scale * 1e-9) return x < y ? -1 : 1;
  return compareDecimals(a, b);
}
