/**
 * Exact decimal strings as the upstream sends them ("793930579.315848"). Formatting, sums and
 * comparisons work on the digits; a float appears only where a bar's length is drawn.
 */

const DECIMAL = /^-?\d+(?:\.\d+)?$/;

interface Parts {
  negative: boolean;
  /** Without leading zeros, `0` at least. */
  whole: string;
  /** As written, possibly empty. */
  fraction: string;
}

/**
 * The parts of a decimal string. Checked by the pattern, then cut by position: a refresh of
 * hundreds of pools takes thousands apart, and a match object for each was most of their cost.
 */
function parts(value: string): Parts {
  if (!DECIMAL.test(value)) throw new RangeError(`not a decimal string: ${value.slice(0, 40)}`);
  const negative = value.charCodeAt(0) === 45; // '-'
  const point = value.indexOf('.');
  const end = point === -1 ? value.length : point;
  let start = negative ? 1 : 0;
  while (start < end - 1 && value.charCodeAt(start) === 48) start += 1; // leading '0'
  return {
    negative,
    whole: value.slice(start, end),
    fraction: point === -1 ? '' : value.slice(point + 1),
  };
}

/** The value as an integer of 10^-scale units. */
function toScaled(p: Parts, scale: number): bigint {
  const digits = BigInt(p.whole + p.fraction.padEnd(scale, '0'));
  return p.negative ? -digits : digits;
}

function fromScaled(value: bigint, scale: number): string {
  const negative = value < 0n;
  const digits = (negative ? -value : value).toString().padStart(scale + 1, '0');
  const whole = digits.slice(0, digits.length - scale);
  const fraction = digits.slice(digits.length - scale);
  return `${negative ? '-' : ''}${whole}${scale > 0 ? `.${fraction}` : ''}`;
}

/** The exact sum, with as many decimals as the most precise term. */
export function sumDecimals(values: readonly string[]): string {
  const all = values.map(parts);
  const scale = all.reduce((max, p) => Math.max(max, p.fraction.length), 0);
  const total = all.reduce((acc, p) => acc + toScaled(p, scale), 0n);
  return fromScaled(total, scale);
}

/** The exact difference `a - b`, with as many decimals as the more precise of the two. */
export function subtractDecimals(a: string, b: string): string {
  const x = parts(a);
  const y = parts(b);
  const scale = Math.max(x.fraction.length, y.fraction.length);
  return fromScaled(toScaled(x, scale) - toScaled(y, scale), scale);
}

/**
 * The exact product, with as many decimals as both factors together (`61.73143554` BTC ×
 * `94712.3` gives 9 decimals): nothing is rounded, so a total of products is exact too.
 */
export function multiplyDecimals(a: string, b: string): string {
  const x = parts(a);
  const y = parts(b);
  const product = toScaled(x, x.fraction.length) * toScaled(y, y.fraction.length);
  return fromScaled(product, x.fraction.length + y.fraction.length);
}

/**
 * The value with exactly `places` decimals, rounded half up on the magnitude (half away from
 * zero: `2.005` -> `2.01`, `-2.005` -> `-2.01`), the rule of a receipt. Fewer decimals are padded.
 */
export function roundDecimal(value: string, places: number): string {
  const p = parts(value);
  if (p.fraction.length <= places) return fromScaled(toScaled(p, places), places);
  const kept = BigInt(p.whole + p.fraction.slice(0, places));
  const up = p.fraction.charCodeAt(places) >= 53; // '5'
  const magnitude = up ? kept + 1n : kept;
  const rounded = fromScaled(magnitude, places);
  return p.negative && magnitude !== 0n ? `-${rounded}` : rounded;
}

/** Dollars to the cent, as every USD figure of the dashboard is shown (see `roundDecimal`). */
export function roundToCents(value: string): string {
  return roundDecimal(value, 2);
}

/** -1, 0 or 1: the sign of the value, zero however it is written (`-0.00`). */
function signOf(p: Parts): number {
  if (p.whole === '0' && !/[1-9]/.test(p.fraction)) return 0;
  return p.negative ? -1 : 1;
}

/** The sign of a decimal string, exactly: -1, 0 (however zero is written: `-0.00`) or 1. */
export function decimalSign(value: string): -1 | 0 | 1 {
  return signOf(parts(value)) as -1 | 0 | 1;
}

/**
 * Orders two magnitudes by their digits. Leading zeros are gone from the whole parts, so the
 * longer one is larger; without trailing zeros, fractions order as text does.
 */
function compareMagnitudes(x: Parts, y: Parts): number {
  if (x.whole.length !== y.whole.length) return x.whole.length < y.whole.length ? -1 : 1;
  if (x.whole !== y.whole) return x.whole < y.whole ? -1 : 1;
  const xf = x.fraction.replace(/0+$/, '');
  const yf = y.fraction.replace(/0+$/, '');
  if (xf === yf) return 0;
  return xf < yf ? -1 : 1;
}

/**
 * How far apart, as a share of the larger, two figures worked out in doubles must be for their
 * order to be theirs: doubles carry about 16 significant digits and a figure takes a handful of
 * operations, so an error of even 1e-12 is out of reach.
 */
const ROUGH_MARGIN = 1e-9;

/**
 * Fast in doubles, exact where it can decide: the order of two figures worked out in doubles
 * (-1 or 1) where they lie too far apart for rounding to have swapped them, `undefined` where
 * they are too close (or not finite) and only the exact figures can tell. Every float pre-check
 * of an exact rule asks this, and falls back to the exact rule on `undefined`.
 */
export function roughOrder(x: number, y: number): -1 | 1 | undefined {
  const scale = Math.max(Math.abs(x), Math.abs(y));
  if (!Number.isFinite(scale) || Math.abs(x - y) <= scale * ROUGH_MARGIN) return undefined;
  return x < y ? -1 : 1;
}

/**
 * Orders two decimal strings exactly: negative, zero or positive like a sort comparator. The
 * doubles answer first (`roughOrder`); only values that close are compared digit by digit,
 * without big integers: a refresh of hundreds of pools compares thousands.
 */
export function compareDecimals(a: string, b: string): number {
  if (a === b) return 0;
  const rough = roughOrder(Number(a), Number(b));
  if (rough !== undefined && DECIMAL.test(a) && DECIMAL.test(b)) return rough;
  const x = parts(a);
  const y = parts(b);
  const sx = signOf(x);
  const sy = signOf(y);
  if (sx !== sy) return sx < sy ? -1 : 1;
  const m = compareMagnitudes(x, y);
  return m === 0 || sx === 0 ? 0 : sx * m;
}

/** `(b - a) / a` as a float, for marking change; `undefined` when `a` is zero. */
export function relativeChange(a: string, b: string): number | undefined {
  const x = parts(a);
  const y = parts(b);
  const scale = Math.max(x.fraction.length, y.fraction.length);
  const from = toScaled(x, scale);
  if (from === 0n) return undefined;
  const diff = toScaled(y, scale) - from;
  return Number((diff * 1_000_000n) / from) / 1_000_000;
}

/** For drawing only: the nearest float. */
export function toNumber(value: string): number {
  return Number(value);
}

const groupCache = new Map<string, { group: string; decimal: string }>();

function separators(locale: string) {
  let s = groupCache.get(locale);
  if (!s) {
    const formatted = new Intl.NumberFormat(locale).formatToParts(1234567.5);
    s = {
      group: formatted.find((p) => p.type === 'group')?.value ?? ',',
      decimal: formatted.find((p) => p.type === 'decimal')?.value ?? '.',
    };
    groupCache.set(locale, s);
  }
  return s;
}

/**
 * Every digit of the upstream's string, grouped by thousands with the locale's separators, as
 * the whole part (sign included) and the fraction (its separator included, empty for none), so
 * a figure can be set on its decimal point. Built from the digits themselves, so no engine can
 * round it through a float.
 */
export function formatExactParts(
  value: string,
  locale: string,
): { whole: string; fraction: string } {
  const p = parts(value);
  const { group, decimal } = separators(locale);
  const grouped = p.whole.replace(/\B(?=(\d{3})+(?!\d))/g, group);
  return {
    whole: `${p.negative ? '-' : ''}${grouped}`,
    fraction: p.fraction ? decimal + p.fraction : '',
  };
}

/** Every digit of the upstream's string, grouped by thousands: `793,930,579.315848`. */
export function formatExact(value: string, locale: string): string {
  const { whole, fraction } = formatExactParts(value, locale);
  return whole + fraction;
}

/** A short form such as "793.93M" to read at a glance; always shown beside the exact figure. */
const compactCache = new Map<string, Intl.NumberFormat>();

export function formatCompact(value: string, locale: string): string {
  let format = compactCache.get(locale);
  if (!format) {
    // Building a formatter costs far more than using one: a 600-pool refresh formats thousands.
    format = new Intl.NumberFormat(locale, { notation: 'compact', maximumFractionDigits: 2 });
    compactCache.set(locale, format);
  }
  return format.format(toNumber(value));
}
