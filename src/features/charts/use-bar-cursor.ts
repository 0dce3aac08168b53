import { useKeyCursor, type CursorMove } from '../../lib/use-key-cursor';

const STEP: Record<string, number> = { ArrowDown: 1, ArrowRight: 1, ArrowUp: -1, ArrowLeft: -1 };

const barMove: CursorMove = (key, active, count) => {
  const step = STEP[key];
  if (step !== undefined) return active === undefined ? 0 : active + step;
  return key === 'Home' ? 0 : key === 'End' ? count - 1 : undefined;
};

/**
 * The bar the keyboard is on, for a chart with `count` bars: arrows move (largest first, so Down
 * goes to smaller pools), Home and End jump, Escape or leaving the chart lets go, Enter opens.
 */
export const useBarCursor = (count: number, open: (index: number) => void) =>
  useKeyCursor(count, barMove, open);
