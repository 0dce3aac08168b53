import { describe, expect, it } from 'vitest';
import { formatCountdown, nextRefreshAt } from './refresh-timing';

describe('nextRefreshAt', () => {
  it('is one period after the last refresh ended', () => {
    expect(nextRefreshAt({ settledAt: 10_000, refreshMs: 5_000, pausedUntil: 0 })).toBe(15_000);
  });

  it('waits out a Retry-After pause that outlasts the period', () => {
    expect(nextRefreshAt({ settledAt: 10_000, refreshMs: 1_000, pausedUntil: 70_000 })).toBe(
      70_250,
    );
  });

  it('ignores a pause that ended before the last refresh', () => {
    expect(nextRefreshAt({ settledAt: 10_000, refreshMs: 1_000, pausedUntil: 9_000 })).toBe(11_000);
  });
});

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
