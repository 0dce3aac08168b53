import { describe, expect, it } from 'vitest';
import { fillScale, pagesAt } from './fill';
import type { MeasuredFrame } from './use-page-frame';

const frame: MeasuredFrame = { width: 2000, height: 800, minColumnWidth: 0, gap: 0, fontSize: 18 };

describe('fillScale', () => {
  it('grows the type until the pools fill the pages they need, and no further', () => {
    // 4 columns of 24 em at 18 px, 44 em high: 16 cards of 10 em a page, so 20 need a second.
    const cards = Array.from({ length: 20 }, () => 10);
    expect(pagesAt(cards, frame, 1)).toBe(2);
    const scale = fillScale(cards, frame);
    expect(scale).toBeGreaterThan(1);
    expect(pagesAt(cards, frame, scale)).toBe(2);
  });

  it('does not grow past its limit, so a screen of few pools is not one page scaled up', () => {
    expect(fillScale([10, 10], frame)).toBe(1.25);
  });

  it('stays at the wall’s own type when the pages are full or not laid out yet', () => {
    const full = Array.from({ length: 12 }, () => 14);
    expect(fillScale(full, frame)).toBe(1);
    expect(fillScale(full, { ...frame, width: 0 })).toBe(1);
    expect(fillScale([], frame)).toBe(1);
  });
});
