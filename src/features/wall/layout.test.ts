import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { layoutWall } from './layout';
import { GAP_EM, MIN_COLUMN_EM, type MeasuredFrame } from './use-page-frame';

function frameOf(width: number, height: number, fontSize: number): MeasuredFrame {
  return {
    width,
    height,
    fontSize,
    gap: GAP_EM * fontSize,
    minColumnWidth: MIN_COLUMN_EM * fontSize,
  };
}

/** Full HD and 4K as the wall's own CSS sizes its type (18 px and 28 px) and frame. */
const HD = frameOf(1888, 900, 18);
const UHD = frameOf(3784, 1900, 28);

/** Column heights in px of every page, as the layout sets them. */
function columnHeights(heightsEm: readonly number[], frame: MeasuredFrame) {
  const { scale, pages } = layoutWall(heightsEm, frame);
  const px = frame.fontSize * scale;
  const gap = GAP_EM * px;
  return pages.flatMap((page) =>
    page.map(
      (column) =>
        column.reduce((sum, i) => sum + heightsEm[i]! * px, 0) + gap * (column.length - 1),
    ),
  );
}

describe('layoutWall', () => {
  it('shows every card once, in the order given, down each column then across', () => {
    const heights = Array.from({ length: 40 }, (_, i) => 9 + (i % 4) * 3.5);
    const { pages } = layoutWall(heights, HD);
    expect(pages.flat(2)).toEqual(heights.map((_, i) => i));
  });

  it('never puts a column past the bottom of the frame, whatever the cards and the screen', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 8, max: 30 }), { minLength: 1, maxLength: 120 }),
        fc.integer({ min: 800, max: 4000 }),
        fc.integer({ min: 400, max: 2200 }),
        fc.integer({ min: 12, max: 40 }),
        (heights, width, height, font) => {
          const frame = frameOf(width, height, font);
          const tallest = Math.max(...heights) * font * 1.25;
          for (const h of columnHeights(heights, frame))
            // a card taller than the frame has a column of its own; nothing else runs past it
            expect(h <= frame.height + 1e-6 || h <= tallest).toBe(true);
        },
      ),
    );
  });

  it('gives a 4K screen more pools a page than full HD, in type less than twice as large', () => {
    const heights = Array.from({ length: 40 }, (_, i) => 9 + (i % 4) * 3.5);
    const hd = layoutWall(heights, HD);
    const uhd = layoutWall(heights, UHD);
    expect(uhd.pages[0]!.flat().length).toBeGreaterThan(hd.pages[0]!.flat().length * 1.25);
    expect(uhd.columns).toBeGreaterThan(hd.columns);
    expect(uhd.scale * UHD.fontSize).toBeLessThan(2 * hd.scale * HD.fontSize);
  });

  it('is the same for the same input: a page does not move unless a card or the screen does', () => {
    const heights = [10, 12.5, 9, 14, 10, 10, 11.25];
    expect(layoutWall(heights, HD)).toEqual(layoutWall([...heights], { ...HD }));
  });

  it('lays out nothing before the frame is measured', () => {
    expect(layoutWall([10, 10], frameOf(0, 0, 16))).toEqual({ scale: 1, columns: 0, pages: [] });
  });
});
