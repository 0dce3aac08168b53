import type { Pool } from '../../core/pool-schema';
import {
  changeKey,
  DEFAULT_DROP_THRESHOLD,
  diffSnapshots,
  type RefreshChange,
} from '../../core/refresh-change';
import { relativeChange } from '../../core/decimal';

/** How long a moved balance stays marked on the wall. */
export const MARK_HOLD_MS = 30_000;
/** How long a sharp drop stays marked and on the banner, whatever snapshots follow (`?hold=`). */
export const DROP_HOLD_MS = 60 * 60_000;

/**
 * The smallest move the wall marks: 1 % of the balance. Every refresh moves most balances by a
 * fraction of that; marking them all made the wall flicker alike for noise and for news. A move
 * from a zero balance, which has no size, is always marked; a drop (5 %) always is.
 */
export const WALL_MIN_MOVE = 0.01;

export interface Mark {
  move: RefreshChange;
  /** When the change was seen: the mark lasts from then. */
  at: number;
  /** The balance before the move (for a drop: before the first drop still held) and after it. */
  from: string;
  to: string;
}

/** `changeKey` -> mark. Only balances of the latest snapshot have one, so it never outgrows the data. */
export type Marks = ReadonlyMap<string, Mark>;

export interface MarkTimes {
  holdMs?: number;
  dropHoldMs?: number;
}

function endOf(mark: Mark, { holdMs = MARK_HOLD_MS, dropHoldMs = DROP_HOLD_MS }: MarkTimes) {
  return mark.at + (mark.move.change === 'drop' ? dropHoldMs : holdMs);
}

function isActive(mark: Mark, now: number, times: MarkTimes): boolean {
  return now < endOf(mark, times);
}

/**
 * The marks after a new snapshot arrives at `at`: fresh changes against the previous snapshot,
 * earlier marks while they last. A drop lasts `dropHoldMs` from when it was seen, however many
 * snapshots come after it; a later small move does not hide it, and a further drop while it is
 * held adds to it (from the balance before the first) and holds it again from then.
 */
export function advanceMarks(
  marks: Marks,
  previous: readonly Pool[] | undefined,
  next: readonly Pool[],
  at: number,
  {
    dropThreshold = DEFAULT_DROP_THRESHOLD,
    minMove = WALL_MIN_MOVE,
    ...times
  }: MarkTimes & { dropThreshold?: number; minMove?: number } = {},
): Map<string, Mark> {
  const fresh = previous
    ? diffSnapshots(previous, next, dropThreshold)
    : new Map<string, RefreshChange>();
  const before = new Map<string, string>();
  if (previous)
    for (const p of previous)
      for (const a of p.assets) before.set(changeKey(p, a.asset), a.marginBalance);
  const result = new Map<string, Mark>();
  for (const pool of next) {
    for (const balance of pool.assets) {
      const key = changeKey(pool, balance.asset);
      const seen = fresh.get(key);
      const move =
        seen && (seen.rel === undefined || Math.abs(seen.rel) >= minMove) ? seen : undefined;
      const old = marks.get(key);
      const oldDrop = old !== undefined && old.move.change === 'drop' && isActive(old, at, times);
      const to = balance.marginBalance;
      if (move?.change === 'drop') {
        const from = oldDrop ? old.from : before.get(key)!;
        const rel = oldDrop ? relativeChange(from, to) : move.rel;
        result.set(key, { move: { change: 'drop', rel }, at, from, to });
      } else if (oldDrop) {
        result.set(key, old);
      } else if (move) {
        result.set(key, { move, at, from: before.get(key)!, to });
      } else if (old !== undefined && isActive(old, at, times)) {
        result.set(key, old);
      }
    }
  }
  return result;
}

/**
 * The latest moment at or before `now` when a mark ran out. The set of active marks is the same
 * for every `now` between two such moments, so this changes only when something on screen must.
 */
export function lastExpiry(marks: Marks, now: number, times: MarkTimes = {}): number {
  let latest = 0;
  for (const mark of marks.values()) {
    const end = endOf(mark, times);
    if (end <= now && end > latest) latest = end;
  }
  return latest;
}

/** The moves to show at `now`, in the shape the pool card takes. */
export function activeChanges(
  marks: Marks,
  now: number,
  times: MarkTimes = {},
): Map<string, RefreshChange> {
  const result = new Map<string, RefreshChange>();
  for (const [key, mark] of marks) if (isActive(mark, now, times)) result.set(key, mark.move);
  return result;
}

/** The drops held at `now`, by `changeKey`, for the banner. */
export function heldDrops(marks: Marks, now: number, times: MarkTimes = {}): Map<string, Mark> {
  const result = new Map<string, Mark>();
  for (const [key, mark] of marks)
    if (mark.move.change === 'drop' && isActive(mark, now, times)) result.set(key, mark);
  return result;
}
