import { describe, expect, it } from 'vitest';
import { MAX_DECADES, decadeTicks, logRange, onLogAxis } from './log-scale';

describe('logRange', () => {
  it('spans whole decades around the smallest and largest positive balance', () => {
    const range = logRange([12.48213577, 5166686.84, 793930579.315848]);
    expect(range.floor).toBe(10);
    expect(range.ceiling).toBe(1e9);
    expect(range.ticks).toEqual([10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9]);
  });

  it('ignores zero and negative balances, so they cannot blank the axis', () => {
    const range = logRange([0, -5, 61.73143554]);
    expect(range.floor).toBe(10);
    expect(range.ceiling).toBe(100);
  });

  it('keeps at most MAX_DECADES decades, so a dust balance does not flatten every other bar', () => {
    const range = logRange([0.00000001, 793930579.315848]);
    expect(range.ceiling).toBe(1e9);
    expect(Math.log10(range.ceiling / range.floor)).toBeCloseTo(MAX_DECADES);
  });

  it('gives a single balance a decade of room', () => {
    expect(logRange([1000])).toMatchObject({ floor: 100, ceiling: 1000 });
  });

  it('still has a range when nothing is positive', () => {
    const range = logRange([0, 0]);
    expect(range.floor).toBeLessThan(range.ceiling);
  });
});

describe('onLogAxis', () => {
  const range = logRange([0.00000001, 793930579.315848]);

  it('draws a balance above the bound as it is', () => {
    expect(onLogAxis(5166686.84, range)).toEqual({ drawn: 5166686.84, clamped: false });
  });

  it('raises zero and near-zero balances to the lower bound and says so', () => {
    expect(onLogAxis(0, range)).toEqual({ drawn: range.floor, clamped: true });
    expect(onLogAxis(0.00000001, range)).toEqual({ drawn: range.floor, clamped: true });
    expect(onLogAxis(-3, range)).toEqual({ drawn: range.floor, clamped: true });
  });
});

describe('decadeTicks', () => {
  it('gives every power of ten between the bounds, as the range does', () => {
    expect(decadeTicks(0.1, 1000)).toEqual([0.1, 1, 10, 100, 1000]);
    const range = logRange([0.00000001, 793930579.315848]);
    expect(decadeTicks(range.floor, range.ceiling)).toEqual(range.ticks);
  });
});
