/**
 * Packs cards of known heights into pages of side-by-side columns, reading down each column then
 * across, in the order given. Pure arithmetic on pixel sizes, so it is cheap for 600 cards.
 */

export interface PageFrame {
  width: number;
  height: number;
  /** Narrowest column that still fits a card. */
  minColumnWidth: number;
  gap: number;
}

/** One page: for each column, the indices of its cards. */
export type Page = number[][];

export function columnsFor(frame: PageFrame): number {
  if (frame.width <= 0 || frame.minColumnWidth <= 0) return 1;
  return Math.max(1, Math.floor((frame.width + frame.gap) / (frame.minColumnWidth + frame.gap)));
}

/** A card taller than a whole column still gets a column to itself rather than vanishing. */
export function paginate(heights: readonly number[], frame: PageFrame): Page[] {
  const columns = columnsFor(frame);
  const pages: Page[] = [];
  let page: Page = [];
  let column: number[] = [];
  let used = 0;
  const closeColumn = () => {
    page.push(column);
    column = [];
    used = 0;
    if (page.length === columns) {
      pages.push(page);
      page = [];
    }
  };
  heights.forEach((h, i) => {
    const needed = column.length === 0 ? h : used + frame.gap + h;
    if (column.length > 0 && needed > frame.height) {
      closeColumn();
      used = h;
    } else {
      used = needed;
    }
    column.push(i);
  });
  if (column.length > 0) closeColumn();
  if (page.length > 0) pages.push(page);
  return pages;
}

/** One page of `heights` from the start, its columns no taller than they must be. */
function evenPage(heights: readonly number[], frame: PageFrame): Page {
  let best = paginate(heights, frame)[0] ?? [];
  const count = best.flat().length;
  let low = 0;
  let high = frame.height;
  while (high - low > 1) {
    const mid = Math.floor((low + high) / 2);
    const page = paginate(heights.slice(0, count), { ...frame, height: mid });
    if (page.length === 1) {
      high = mid;
      best = page[0]!;
    } else low = mid;
  }
  return best;
}

/**
 * As many pages as `paginate` needs, with about as many cards on each and columns of about the
 * same length: no last page left nearly empty, and every page costs the screen about the same.
 */
export function paginateEvenly(heights: readonly number[], frame: PageFrame): Page[] {
  const greedy = paginate(heights, frame);
  const planned = greedy.length;
  const pages: Page[] = [];
  let start = 0;
  while (start < heights.length) {
    const quota = Math.ceil((heights.length - start) / Math.max(1, planned - pages.length));
    const page = evenPage(heights.slice(start, start + quota), frame);
    const offset = start;
    pages.push(page.map((column) => column.map((i) => i + offset)));
    start += page.flat().length;
  }
  // Uneven heights can make an even share cost a page more: then the greedy packing stands.
  return pages.length > planned ? greedy : pages;
}

/** A card's height before it has been measured: what measured cards with as many balances took. */
export function estimateHeight(
  assetCount: number,
  measuredByAssets: ReadonlyMap<number, number>,
  fontSize: number,
): number {
  const known = measuredByAssets.get(assetCount);
  if (known !== undefined) return known;
  // Header, value and sparkline, two lines of members, then per balance its line and the line
  // of its change over 24 h (in em of the wall).
  return Math.ceil((8.5 + 3.5 * assetCount) * fontSize);
}
