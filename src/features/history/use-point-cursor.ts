import { useState, type KeyboardEvent } from 'react';

/** A tenth of the points at a time with Page Up and Page Down. */
const PAGE = 10;

/**
 * The point the keyboard is on, for a chart of `count` points in time order, as on a slider:
 * Right and Up step later, Left and Down earlier, Page Up and Page Down jump a tenth, Home and
 * End go to the first and the last, Escape or leaving the chart lets go. The first arrow lands
 * on the latest point.
 */
export function usePointCursor(count: number) {
  const [index, setIndex] = useState<number | undefined>(undefined);
  const active = index === undefined || count === 0 ? undefined : Math.min(index, count - 1);

  function onKeyDown(event: KeyboardEvent) {
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
    if (event.key === 'Escape') {
      setIndex(undefined);
      return;
    }
    const next = moves[event.key];
    if (next === undefined || count === 0) return;
    event.preventDefault();
    setIndex(Math.max(0, Math.min(last, next)));
  }

  return { active, onKeyDown, onBlur: () => setIndex(undefined) };
}
