import { describe, expect, it } from 'vitest';
import { formatCountdown } from './format-countdown';

describe('formatCountdown', () => {
  it('counts whole seconds up to a minute, in the language of the screen', () => {
    expect(formatCountdown(4_200, 'en')).toBe('5 sec');
    expect(formatCountdown(-300, 'en')).toBe('0 sec');
    expect(formatCountdown(59_000, 'zh-CN')).toBe('59秒');
  });

  it('shows minutes and hours as a clock', () => {
    expect(formatCountdown(245_000, 'en')).toBe('4:05');
    expect(formatCountdown(3_845_000, 'en')).toBe('1:04:05');
  });
});
