import { MIN_COLUMN_EM, GAP_EM, type MeasuredFrame } from './use-page-frame';
import { paginate } from './paginate';

/** The most the wall's type grows to fill its pages, and the steps it grows by. */
export const MAX_FILL = 1.25;
const STEP = 0.05;

/** The frame as it is with the pages' type `scale` times the wall's. */
export function scaledFrame(frame: MeasuredFrame, scale: number): MeasuredFrame {
  const fontSize = frame.fontSize * scale;
  return {
    ...frame,
    fontSize,
    gap: GAP_EM * fontSize,
    minColumnWidth: MIN_COLUMN_EM * fontSize,
  };
}

/** Pages needed for cards of these heights (in em of the pages' type) at that scale. */
export function pagesAt(heightsEm: readonly number[], frame: MeasuredFrame, scale: number): number {
  const f = scaledFrame(frame, scale);
  return paginate(
    heightsEm.map((h) => h * f.fontSize),
    f,
  ).length;
}

/**
 * How much larger than the wall's own type the cards may be set and still need no more pages:
 * the pools fill their pages instead of leaving the bottom of each empty, and a screen with room
 * for more pools per page shows more of them rather than the same page larger. Between 1 and
 * `MAX_FILL`, in steps, so a small change of a card's height does not move the whole page.
 */
export function fillScale(heightsEm: readonly number[], frame: MeasuredFrame): number {
  if (heightsEm.length === 0 || frame.width <= 0 || frame.height <= 0) return 1;
  const base = pagesAt(heightsEm, frame, 1);
  let best = 1;
  for (let i = 1; 1 + i * STEP <= MAX_FILL + 1e-9; i += 1) {
    const scale = Math.round((1 + i * STEP) * 100) / 100;
    if (pagesAt(heightsEm, frame, scale) <= base) best = scale;
  }
  return best;
}
