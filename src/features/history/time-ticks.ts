/**
 * Ticks of a time axis on round UTC times: the smallest step of the ladder that puts at most
 * `max` ticks in `[from, to]`, each tick a multiple of it. Labels say the hour for steps under a
 * day and the date from a day up.
 */
const M = 60_000;
const H = 60 * M;
const D = 24 * H;
const STEPS = [M, 5 * M, 10 * M, 15 * M, 30 * M, H, 2 * H, 3 * H, 6 * H, 12 * H, D, 2 * D, 7 * D];

export interface TimeTicks {
  ticks: number[];
  /** Step between two ticks, in ms. */
  step: number;
  /** Whether a label needs the date (the range spans more than one day). */
  withDate: boolean;
  /** Whether a label needs the time of day. */
  withTime: boolean;
}

export function timeTicks(from: number, to: number, max = 7): TimeTicks {
  const span = Math.max(1, to - from);
  let step = STEPS.find((s) => span / s <= max);
  if (step === undefined) step = Math.ceil(span / max / (30 * D)) * 30 * D;
  const ticks: number[] = [];
  for (let t = Math.ceil(from / step) * step; t <= to && ticks.length <= max; t += step)
    ticks.push(t);
  return { ticks, step, withDate: span >= D || step >= D, withTime: step < D };
}

/** `06:30`, `12-02`, `12-02 06:00` or `2026-12`: a tick's label in UTC. */
export function tickLabel(t: number, { withDate, withTime, step }: TimeTicks): string {
  const iso = new Date(t).toISOString();
  if (step >= 28 * D) return iso.slice(0, 7);
  const date = iso.slice(5, 10);
  const time = iso.slice(11, 16);
  return withDate && withTime ? `${date} ${time}` : withDate ? date : time;
}
