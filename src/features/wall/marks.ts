import type { Pool } from '../../core/pool-schema';
import { changeKey, DEFAULT_DROP_THRESHOLD, diffSnapshots, type Move } from '../../core/changes';

/** How long a moved balance stays marked on the wall. */
export const MARK_HOLD_MS = 30_000;

/**
 * The smallest move the wall marks: 1 % of the balance. Every refresh moves most balances by a
 * fraction of that; marking them all made the wall flicker alike for noise and for news. A move
 * from a zero balance, which has no size, is always marked; a drop (5 %) always is.
 */
export const WALL_MIN_MOVE = 0.01;

export interface Mark {
  move: Move;
  /** When the change was seen. */
  at: number;
  /** The balance's `updateTime` when the change was seen. */
  updateTime: number;
  /** A drop held until a newer snapshot of that balance arrives, however long that takes. */
  held: boolean;
}

/** `changeKey` -> mark. Only balances of the latest snapshot have one, so it never outgrows the data. */
export type Marks = ReadonlyMap<string, Mark>;

function isActive(mark: Mark, now: number, holdMs: number): boolean {
  return mark.held || now - mark.at < holdMs;
}

/**
 * The marks after a new snapshot arrives at `at`: fresh changes against the previous snapshot,
 * earlier marks while they last. A drop is not hidden by a later small move while it is marked.
 */
export function advanceMarks(
  marks: Marks,
  previous: readonly Pool[] | undefined,
  next: readonly Pool[],
  at: number,
  { holdMs = MARK_HOLD_MS, dropThreshold = DEFAULT_DROP_THRESHOLD, minMove = WALL_MIN_MOVE } = {},
): Map<string, Mark> {
  const fresh = previous ? diffSnapshots(previous, next, dropThreshold) : new Map<string, Move>();
  const result = new Map<string, Mark>();
  for (const pool of next) {
    for (const balance of pool.assets) {
      const key = changeKey(pool, balance.asset);
      const seen = fresh.get(key);
      const move =
        seen && (seen.rel === undefined || Math.abs(seen.rel) >= minMove) ? seen : undefined;
      const old = marks.get(key);
      const oldActive = old !== undefined && isActive(old, at, holdMs);
      const keepDrop = oldActive && old.move.change === 'drop' && move?.change !== 'drop';
      if (move && !keepDrop) {
        result.set(key, {
          move,
          at,
          updateTime: balance.updateTime,
          held: move.change === 'drop',
        });
      } else if (oldActive) {
        result.set(key, { ...old, held: old.held && old.updateTime === balance.updateTime });
      }
    }
  }
  return result;
}

/**
 * The latest moment at or before `now` when a mark ran out. The set of active marks is the same
 * for every `now` between two such moments, so this changes only when something on screen must.
 */
export function lastExpiry(marks: Marks, now: number, holdMs = MARK_HOLD_MS): number {
  let latest = 0;
  for (const mark of marks.values()) {
    const end = mark.at + holdMs;
    if (!mark.held && end <= now && end > latest) latest = end;
  }
  return latest;
}

/** The moves to show at `now`, in the shape the pool card takes. */
export function activeChanges(marks: Marks, now: number, holdMs = MARK_HOLD_MS): Map<string, Move> {
  const result = new Map<string, Move>();
  for (const [key, mark] of marks) if (isActive(mark, now, holdMs)) result.set(key, mark.move);
  return result;
}
