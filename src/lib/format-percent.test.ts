import { describe, expect, it } from 'vitest';
import { formatMove, formatSignedPercent } from './format-percent';

describe('formatSignedPercent', () => {
  it('always says which way, with a tenth above 1 % and two digits below', () => {
    expect(formatSignedPercent(-0.061234, 'en')).toBe('-6.1%');
    expect(formatSignedPercent(0.2, 'en')).toBe('+20%');
    expect(formatSignedPercent(-0.00012345, 'en')).toBe('-0.012%');
    expect(formatSignedPercent(0, 'en')).toBe('0%');
    expect(formatSignedPercent(-0.061234, 'zh-CN')).toBe('-6.1%');
  });

  it('is empty for a change from zero', () => {
    expect(formatSignedPercent(undefined, 'en')).toBe('');
  });
});

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
