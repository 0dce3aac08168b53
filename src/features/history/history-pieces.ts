import type { HistoryAnswer } from '../../core/history';
import { gapBetween, gapsOf, membershipAt, nextGapStart } from './history-gaps';

/** One value over time: a balance (an asset's) or a dollar value (the pool's), exact. */
export interface TimedValue {
  t: number;
  value: string;
}

/** A stretch drawn as one unbroken line: its points, and how long the last one held. */
export interface Piece {
  /** The membership (index into the answer's `pools`) all its points belong to. */
  membership: number;
  points: TimedValue[];
  /**
   * The last value held, unchanged, until this time: the next gap, the end of the pool, or
   * the end of the range. Equal to the last point's `t` when it held no longer.
   */
  heldTo: number;
}

type Frame = Pick<HistoryAnswer, 'from' | 'to' | 'coverage' | 'pools'>;

/**
 * The points cut into pieces: a new piece after a gap in the record and at each change of the
 * symbol's pool, so no line is drawn across either. A balance stays until its next update, so
 * each piece's last value is held up to where the next piece, gap or pool begins.
 */
export function piecesOf(points: readonly TimedValue[], frame: Frame): Piece[] {
  const gaps = gapsOf(frame);
  const pieces: Piece[] = [];
  let current: Piece | undefined;
  for (const p of points) {
    const membership = membershipAt(frame.pools, p.t);
    const last = current?.points.at(-1);
    if (!current || !last || current.membership !== membership || gapBetween(gaps, last.t, p.t)) {
      current = { membership, points: [], heldTo: p.t };
      pieces.push(current);
    }
    current.points.push(p);
  }
  for (const piece of pieces) {
    const last = piece.points.at(-1)!;
    const poolEnd = frame.pools[piece.membership]?.to ?? frame.to;
    const end = Math.min(frame.to, poolEnd, nextGapStart(gaps, last.t));
    piece.heldTo = Math.max(last.t, end);
  }
  return pieces;
}
