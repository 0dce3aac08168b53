import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { columnsFor, estimateHeight, paginate, paginateEvenly, type PageFrame } from './paginate';

const frame: PageFrame = { width: 1000, height: 100, minColumnWidth: 300, gap: 10 };

describe('columnsFor', () => {
  it('fits as many columns of the minimum width as the width allows, at least one', () => {
    expect(columnsFor(frame)).toBe(3);
    expect(columnsFor({ ...frame, width: 900 })).toBe(2);
    expect(columnsFor({ ...frame, width: 100 })).toBe(1);
    expect(columnsFor({ ...frame, width: 0 })).toBe(1);
  });
});

describe('paginate', () => {
  it('fills each column down, then across, then starts a page', () => {
    const pages = paginate([40, 40, 40, 60, 30, 90, 20], frame);
    expect(pages).toEqual([
      [[0, 1], [2], [3, 4]],
      [[5], [6]],
    ]);
  });

  it('gives a card taller than a column a column of its own', () => {
    expect(paginate([20, 150, 20], frame)).toEqual([[[0], [1], [2]]]);
  });

  it('makes no page when there is nothing to show', () => {
    expect(paginate([], frame)).toEqual([]);
  });

  it('places every card exactly once, in order, and never overfills a column', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 120 }), { maxLength: 200 }),
        fc.integer({ min: 50, max: 2000 }),
        (heights, width) => {
          const f = { ...frame, width };
          const pages = paginate(heights, f);
          expect(pages.flat(2)).toEqual(heights.map((_, i) => i));
          for (const page of pages) {
            expect(page.length).toBeLessThanOrEqual(columnsFor(f));
            for (const column of page) {
              const used = column.reduce((sum, i) => sum + heights[i]!, 0);
              const fits = used + f.gap * (column.length - 1) <= f.height;
              expect(fits || column.length === 1).toBe(true);
            }
          }
        },
      ),
    );
  });
});

describe('paginateEvenly', () => {
  it('spreads the cards over as many pages, rather than leaving the last one nearly empty', () => {
    const heights = Array.from({ length: 19 }, () => 30);
    expect(paginate(heights, frame).map((p) => p.flat().length)).toEqual([6, 6, 6, 1]);
    expect(paginateEvenly(heights, frame).map((p) => p.flat().length)).toEqual([5, 5, 5, 4]);
  });

  it('evens out the columns of a page', () => {
    expect(paginateEvenly([20, 20, 20, 20], { ...frame, height: 1000 })).toEqual([
      [
        [0, 1],
        [2, 3],
      ],
    ]);
  });

  it('places every card once, in order, within the columns, on no more pages than needed', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 100 }), { maxLength: 150 }), (heights) => {
        const pages = paginateEvenly(heights, frame);
        expect(pages.flat(2)).toEqual(heights.map((_, i) => i));
        expect(pages.length).toBeLessThanOrEqual(paginate(heights, frame).length);
        for (const column of pages.flat()) {
          const used = column.reduce((sum, i) => sum + heights[i]!, 0);
          expect(used + frame.gap * (column.length - 1)).toBeLessThanOrEqual(frame.height);
        }
      }),
    );
  });
});

describe('estimateHeight', () => {
  it('uses what cards with as many balances measured, else grows with each balance', () => {
    expect(estimateHeight(2, new Map([[2, 180]]), 18)).toBe(180);
    expect(estimateHeight(3, new Map(), 18)).toBeGreaterThan(estimateHeight(1, new Map(), 18));
  });
});
