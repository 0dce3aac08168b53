import { useState, type KeyboardEvent } from 'react';

const STEP: Record<string, number> = { ArrowDown: 1, ArrowRight: 1, ArrowUp: -1, ArrowLeft: -1 };

/**
 * The bar the keyboard is on, for a chart with `count` bars: arrows move (largest first, so Down
 * goes to smaller pools), Home and End jump, Escape or leaving the chart lets go, Enter opens.
 */
export function useBarCursor(count: number, open: (index: number) => void) {
  const [index, setIndex] = useState<number | undefined>(undefined);
  const active = index === undefined || count === 0 ? undefined : Math.min(index, count - 1);

  function onKeyDown(event: KeyboardEvent) {
    const last = count - 1;
    let next: number | undefined;
    const step = STEP[event.key];
    if (step !== undefined) next = active === undefined ? 0 : active + step;
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = last;
    else if (event.key === 'Enter' && active !== undefined) {
      event.preventDefault();
      open(active);
      return;
    } else if (event.key === 'Escape') {
      setIndex(undefined);
      return;
    }
    if (next === undefined || count === 0) return;
    event.preventDefault();
    setIndex(Math.max(0, Math.min(last, next)));
  }

  return { active, onKeyDown, onBlur: () => setIndex(undefined) };
}
