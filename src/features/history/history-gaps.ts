import type { HistoryAnswer, Membership } from '../../core/history';

/**
 * What an answer of `/api/history` says beside its points: where the record has holes (outside
 * `coverage`) and where the symbol's pool changed (`pools`). Both cut the drawn line: a gap is
 * unknown, and a jump at a regrouping is another pool's balance, never a loss.
 */

export interface Interval {
  from: number;
  to: number;
}

type Frame = Pick<HistoryAnswer, 'from' | 'to' | 'coverage' | 'pools'>;

/** The stretches of `[from, to]` in which the server received no snapshot, in order. */
export function gapsOf({ from, to, coverage }: Frame): Interval[] {
  const gaps: Interval[] = [];
  let cursor = from;
  for (const [start, end] of coverage) {
    if (end < cursor) continue;
    if (start > cursor) gaps.push({ from: cursor, to: Math.min(start, to) });
    cursor = Math.max(cursor, end);
    if (cursor >= to) break;
  }
  if (cursor < to) gaps.push({ from: cursor, to });
  return gaps.filter((g) => g.to > g.from);
}

/**
 * The membership a time belongs to: the first whose last observation is at or after it (the
 * server's boundary: a point after the old pool was last seen is the new pool's own).
 */
export function membershipAt(pools: readonly Membership[], t: number): number {
  for (let i = 0; i < pools.length; i += 1) {
    const to = pools[i]!.to;
    if (to === null || t <= to) return i;
  }
  return Math.max(0, pools.length - 1);
}

export interface Regrouping {
  /** When the new pool was first observed. */
  at: number;
  before: Membership;
  after: Membership;
}

/** Each change of the symbol's pool within the range, where the new membership starts. */
export function regroupingsOf({ from, to, pools }: Frame): Regrouping[] {
  const out: Regrouping[] = [];
  for (let i = 1; i < pools.length; i += 1) {
    const at = pools[i]!.from;
    if (at > from && at <= to) out.push({ at, before: pools[i - 1]!, after: pools[i]! });
  }
  return out;
}

/** Whether any gap lies between two times (open at both ends). */
export function gapBetween(gaps: readonly Interval[], a: number, b: number): boolean {
  return gaps.some((g) => g.from < b && g.to > a);
}

/** The start of the first gap that a value held from `t` runs into, or `Infinity`. */
export function nextGapStart(gaps: readonly Interval[], t: number): number {
  for (const g of gaps) if (g.to > t) return Math.max(g.from, t);
  return Infinity;
}
