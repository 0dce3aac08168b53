/**
 * A logarithmic axis that zero cannot blank: its range runs from the decade below the smallest
 * positive balance to the decade above the largest, at most MAX_DECADES wide. A balance below the
 * lower bound (zero, near zero, negative) is drawn at the bound and said so in the tooltip.
 */
export const MAX_DECADES = 8;

export interface LogRange {
  floor: number;
  ceiling: number;
  /** One tick per power of ten, floor to ceiling. */
  ticks: number[];
}

const decade = (exponent: number) => Number(`1e${exponent}`);

export function logRange(values: readonly number[]): LogRange {
  const positive = values.filter((v) => Number.isFinite(v) && v > 0);
  if (positive.length === 0) return { floor: 1, ceiling: 10, ticks: [1, 10] };
  const top = Math.ceil(Math.log10(Math.max(...positive)));
  let bottom = Math.floor(Math.log10(Math.min(...positive)));
  bottom = Math.max(bottom, top - MAX_DECADES);
  if (bottom >= top) bottom = top - 1;
  const floor = decade(bottom);
  const ceiling = decade(top);
  return { floor, ceiling, ticks: decadeTicks(floor, ceiling) };
}

/** One tick per power of ten from `floor` to `ceiling`, both powers of ten. */
export function decadeTicks(floor: number, ceiling: number): number[] {
  const ticks: number[] = [];
  const top = Math.round(Math.log10(ceiling));
  for (let e = Math.round(Math.log10(floor)); e <= top; e += 1) ticks.push(decade(e));
  return ticks;
}

/** The length to draw on the log axis, and whether it had to be raised to the lower bound. */
export function onLogAxis(value: number, range: LogRange): { drawn: number; clamped: boolean } {
  return value >= range.floor
    ? { drawn: value, clamped: false }
    : { drawn: range.floor, clamped: true };
}
