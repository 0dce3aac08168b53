/**
 * A balance on disk: the INTEGER of its digits and a small scale (the number of digits after the
 * point) when that reads back as the identical string, else the string itself as TEXT. Most
 * balances fit an integer of at most 8 bytes, about half of their text; the rest (leading zeros,
 * `-0`, more than 18 digits) keep every byte as TEXT with a NULL scale.
 */

const DECIMAL = /^(-?)(\d+)(?:\.(\d+))?$/;
const MAX_DIGITS = 18; // 10^18 - 1 < 2^63: every such integer fits SQLite's 64-bit INTEGER

export interface Encoded {
  /**
   * The INTEGER, or the TEXT itself. The binding stores a number as INTEGER only within 32
   * bits (as REAL beyond), a bigint always as INTEGER.
   */
  b: bigint | number | string;
  s: number | null;
}

/** The string of `digits` (an integer's text, maybe with `-`) with `scale` digits after the point. */
export function decodeBalance(digits: string, scale: number | null): string {
  if (scale === null || scale === 0) return digits;
  const negative = digits.charCodeAt(0) === 45;
  const abs = (negative ? digits.slice(1) : digits).padStart(scale + 1, '0');
  const point = abs.length - scale;
  return `${negative ? '-' : ''}${abs.slice(0, point)}.${abs.slice(point)}`;
}

/**
 * The integer and scale read back as `value` by `decodeBalance` exactly when the whole part has
 * no leading zero (`"0"` itself aside) and the value is not a negative zero; else the text.
 */
export function encodeBalance(value: string): Encoded {
  const m = DECIMAL.exec(value);
  if (!m) throw new RangeError(`not a decimal string: ${value.slice(0, 40)}`);
  const whole = m[2]!;
  const digits = whole + (m[3] ?? '');
  if (digits.length > MAX_DIGITS || (whole.length > 1 && whole.charCodeAt(0) === 48))
    return { b: value, s: null };
  const signed = m[1]! + digits;
  const n = digits.length <= 9 ? Number(signed) : BigInt(signed);
  if (m[1] && n == 0) return { b: value, s: null };
  return { b: n, s: m[3] === undefined ? 0 : m[3].length };
}
