import type { MemberLines } from '../../components/member-fit';
import { columnsFor } from './paginate';
import type { MeasuredFrame } from './use-page-frame';

/** The member list's type, in em of the card (pool-card: `text-[0.8125em]`). */
const MEMBER_EM = 0.8125;
/** A character of the monospaced member font, in em of that font, rounded up (DejaVu: 0.602). */
const CHAR_EM = 0.62;
/** The space between two members (`gap-x-[0.75em]`), in characters. */
const GAP_CHARS = 0.75 / CHAR_EM;
/** Card padding and borders across a column, in em of the wall. */
const CARD_INSET_EM = 2.25;
/**
 * Lines of members a wall card shows; the header counts every member. One, since the day's
 * sparkline and change took the room of the second: a page holds a card more per column.
 */
export const WALL_MEMBER_LINES = 1;

/** The lines a wall card's member list has in a column of this frame; none before it is measured. */
export function memberSpaceFor(frame: MeasuredFrame): MemberLines | undefined {
  if (frame.width <= 0) return undefined;
  const columns = columnsFor(frame);
  const column = (frame.width - frame.gap * (columns - 1)) / columns;
  const inner = column - CARD_INSET_EM * frame.fontSize;
  const char = CHAR_EM * MEMBER_EM * frame.fontSize;
  return { line: Math.max(1, Math.floor(inner / char)), lines: WALL_MEMBER_LINES, gap: GAP_CHARS };
}
