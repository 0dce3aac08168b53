import { describe, expect, it } from 'vitest';
import { formatMove } from './format-move';

describe('formatMove', () => {
  it('says the size of a move, a tenth of a percent above 1 %, two digits below', () => {
    expect(formatMove(-0.0612, 'en')).toBe('6.1%');
    expect(formatMove(0.01, 'en')).toBe('1%');
    expect(formatMove(0.000123, 'en')).toBe('0.012%');
    expect(formatMove(0.25, 'zh-CN')).toBe('25%');
  });

  it('says nothing for a move from zero', () => {
    expect(formatMove(undefined, 'en')).toBe('');
  });
});
