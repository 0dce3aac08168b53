import { useKeyCursor, type CursorMove } from '../../lib/use-key-cursor';

/** A tenth of the points at a time with Page Up and Page Down. */
const PAGE = 10;

const pointMove: CursorMove = (key, active, count) => {
  const last = count - 1;
  const page = Math.max(1, Math.round(count / PAGE));
  const from = active ?? last;
  const moves: Record<string, number> = {
    ArrowLeft: active === undefined ? last : from - 1,
    ArrowDown: active === undefined ? last : from - 1,
    ArrowRight: active === undefined ? last : from + 1,
    ArrowUp: active === undefined ? last : from + 1,
    PageUp: from + page,
    PageDown: from - page,
    Home: 0,
    End: last,
  };
  return moves[key];
};

/**
 * The point the keyboard is on, for a chart of `count` points in time order, as on a slider:
 * Right and Up step later, Left and Down earlier, Page Up and Page Down jump a tenth, Home and
 * End go to the first and the last, Escape or leaving the chart lets go. The first arrow lands
 * on the latest point.
 */
export const usePointCursor = (count: number) => useKeyCursor(count, pointMove);
