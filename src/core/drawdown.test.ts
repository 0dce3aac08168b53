import { describe, expect, it } from 'vitest';
import { compareDecimals, roughOrder } from './decimal.ts';
import { fallsBeyond } from './drawdown.ts';

describe('fallsBeyond', () => {
  it('is a fall of more than the share, never one of exactly the share', () => {
    expect(fallsBeyond('100', '95', '0.05')).toBe(false);
    expect(fallsBeyond('100', '94.99999999', '0.05')).toBe(true);
    expect(fallsBeyond('100', '96', '0.05')).toBe(false);
  });

  it('decides exactly where doubles cannot tell the two sides of the line apart', () => {
    // 95 % of this balance is 9500000000000000000.95: doubles see both figures as one number.
    const then = '10000000000000000001';
    expect(fallsBeyond(then, '9500000000000000000.95', '0.05')).toBe(false);
    expect(fallsBeyond(then, '9500000000000000000.949999', '0.05')).toBe(true);
  });

  it('sees no fall from a balance of zero or less', () => {
    expect(fallsBeyond('0', '-5', '0.05')).toBe(false);
    expect(fallsBeyond('-10', '-20', '0.05')).toBe(false);
  });
});

describe('roughOrder', () => {
  it('answers only where doubles are far apart, and the exact order agrees', () => {
    expect(roughOrder(1, 2)).toBe(-1);
    expect(roughOrder(2, 1)).toBe(1);
    expect(roughOrder(1, 1 + 1e-12)).toBeUndefined();
    expect(roughOrder(Number.NaN, 1)).toBeUndefined();
    const [a, b] = ['123456789012345678.000000000000000001', '123456789012345678'];
    expect(roughOrder(Number(a), Number(b))).toBeUndefined();
    expect(compareDecimals(a, b)).toBe(1);
    expect(compareDecimals(b, a)).toBe(-1);
  });
});
