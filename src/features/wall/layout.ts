import { fillScale, scaledFrame } from './fill';
import { columnsFor, paginateEvenly, type Page } from './paginate';
import type { MeasuredFrame } from './use-page-frame';

/** The wall's pages for one set of cards on one screen. */
export interface WallLayout {
  /** How much larger than the wall's own type the pages are set (./fill). */
  scale: number;
  /** Columns a page has. */
  columns: number;
  /** Each page's columns, each the indices of its cards, top to bottom. */
  pages: Page[];
}

const NONE: WallLayout = { scale: 1, columns: 0, pages: [] };

/**
 * The wall's layout as a pure function of its cards and its screen: `heightsEm`, each card's
 * height in em of the wall's own type, measured once at the narrowest column a page can have
 * (so a card is never taller on a page than measured), and the frame the pages fill. The type
 * grows where that needs no more pages, then the cards are shared out among pages of side-by-side
 * columns, each column no taller than the frame. Nothing drawn is read back into it.
 */
export function layoutWall(heightsEm: readonly number[], frame: MeasuredFrame): WallLayout {
  if (frame.width <= 0 || frame.height <= 0) return NONE;
  const scale = fillScale(heightsEm, frame);
  const shown = scaledFrame(frame, scale);
  return {
    scale,
    columns: columnsFor(shown),
    pages: paginateEvenly(
      heightsEm.map((h) => h * shown.fontSize),
      shown,
    ),
  };
}
