/**
 * The value axis of one series over time, fitted to the series' own range rather than starting
 * at zero or spanning whole decades: a week in which a balance moved between 819M and 855M with a
 * 3 % fall in it shows the fall. Round steps (1, 2, 2.5 or 5 times a power of ten), a little room
 * above and below the line, never below zero for a series that never goes below it.
 */
export interface FittedAxis {
  domain: [number, number];
  ticks: number[];
  /** Whether the axis starts at zero; a chart whose axis does not says so. */
  fromZero: boolean;
}

const STEPS = [1, 2, 2.5, 5, 10];
/** About as many intervals as a 260 px chart has room for. */
const INTERVALS = 4;
/** Room above and below the line, as a share of its range. */
const MARGIN = 0.08;

function niceStep(rough: number): number {
  const power = 10 ** Math.floor(Math.log10(rough));
  return (STEPS.find((s) => s * power >= rough) ?? 10) * power;
}

export function fittedAxis(values: readonly number[]): FittedAxis {
  const finite = values.filter(Number.isFinite);
  if (finite.length === 0) return { domain: [0, 1], ticks: [0, 1], fromZero: true };
  const min = Math.min(...finite);
  const max = Math.max(...finite);
  // A flat line gets a band of 1 % of its value around it (or of 1 around zero).
  const span = max > min ? max - min : Math.abs(max) * 0.01 || 1;
  const step = niceStep((span * (1 + 2 * MARGIN)) / INTERVALS);
  let low = Math.floor((min - span * MARGIN) / step) * step;
  const high = Math.ceil((max + span * MARGIN) / step) * step;
  if (min >= 0 && low < 0) low = 0;
  const ticks: number[] = [];
  // Rounded at each step so that 0.1 + 0.2 does not become a tick of 0.30000000000000004.
  for (let i = 0; low + i * step <= high + step / 1e6; i += 1)
    ticks.push(Number((low + i * step).toPrecision(12)));
  return { domain: [low, high], ticks, fromZero: low === 0 };
}
