/**
 * A balance on disk: the INTEGER of its digits and a small scale (the number of digits after the
 * point) when that reads back as the identical string, else the string itself as TEXT. Most
 * balances fit an integer of at most 8 bytes, about half of their text; the rest (leading zeros,
 * `-0`, more than 18 digits) keep every byte as TEXT with a NULL scale.
 */

const DECIMAL = /^(-?)(\d+)(?:\.(\d+))?$/;
const MAX_DIGITS = 18; // 10^18 - 1 < 2^63: every such integer fits SQLite's 64-bit INTEGER

export interface Encoded {
  /** A bigint: the binding stores a JS number as REAL, a bigint as INTEGER. */
  b: bigint | string;
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

export function encodeBalance(value: string): Encoded {
  const m = DECIMAL.exec(value);
  if (!m) throw new RangeError(`not a decimal string: ${value.slice(0, 40)}`);
  const digits = m[2]! + (m[3] ?? '');
  const scale = m[3] === undefined ? 0 : m[3].length;
  if (digits.length > MAX_DIGITS) return { b: value, s: null };
  const signed = m[1]! + digits;
  const n = BigInt(signed);
  if (decodeBalance(String(n), scale) !== value) return { b: value, s: null };
  return { b: n, s: scale };
}

/**
 * The same encoding as two JSON values `b,s` for a `json_each` bulk statement: the digits as a
 * JSON number (SQLite reads it as an exact INTEGER), or the string and `null`.
 */
export function encodeBalanceJson(value: string): string {
  const m = DECIMAL.exec(value);
  if (!m) throw new RangeError(`not a decimal string: ${value.slice(0, 40)}`);
  const digits = m[2]! + (m[3] ?? '');
  const scale = m[3] === undefined ? 0 : m[3].length;
  let start = 0;
  while (start < digits.length - 1 && digits.charCodeAt(start) === 48) start += 1;
  const magnitude = digits.slice(start);
  const canonical = magnitude === '0' ? '0' : m[1]! + magnitude;
  if (digits.length <= MAX_DIGITS && decodeBalance(canonical, scale) === value)
    return `${canonical},${scale}`;
  return `${JSON.stringify(value)},null`;
}
