import { describe, expect, it } from 'vitest';
import { membersThatFit, textWidth } from './member-fit';

const more = (n: number) => `+${n} more`;

describe('membersThatFit', () => {
  it('shows every member when they fit', () => {
    expect(membersThatFit(['BTCUSDT', 'ETHUSDT'], { line: 20, lines: 1, gap: 1 }, more)).toBe(2);
  });

  it('cuts the list where "+N more" still fits after it, on the lines there are', () => {
    const symbols = ['AAAAUSDT', 'BBBBUSDT', 'CCCCUSDT', 'DDDDUSDT', 'EEEEUSDT'];
    // 8 + 1 + 8 = 17 per line of 20: two members a line, "+N more" (7) needs a line's room
    expect(membersThatFit(symbols, { line: 20, lines: 2, gap: 1 }, more)).toBe(3);
    expect(membersThatFit(symbols, { line: 20, lines: 1, gap: 1 }, more)).toBe(1);
  });

  it('counts a CJK character twice as wide as a Latin one', () => {
    expect(textWidth('币安人生USDT')).toBe(12);
    expect(textWidth('1000PEPEUSDT')).toBe(12);
    expect(membersThatFit(['币安人生USDT', 'XUSDT'], { line: 12, lines: 1, gap: 1 }, more)).toBe(0);
  });

  it('never shows more members than it has, nor fewer than none', () => {
    expect(membersThatFit([], { line: 1, lines: 1, gap: 1 }, more)).toBe(0);
    expect(membersThatFit(['A'.repeat(50)], { line: 10, lines: 2, gap: 1 }, more)).toBe(0);
  });
});
