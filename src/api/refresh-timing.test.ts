import { describe, expect, it } from 'vitest';
import { nextAttemptAt, refreshPolicy, retryPeriod } from './refresh-timing';

const base = { settledAt: 10_000, refreshMs: 60_000, failures: 0, pausedUntil: 0 };

describe('nextAttemptAt', () => {
  it('is one period after the last attempt ended', () => {
    expect(nextAttemptAt(base)).toBe(70_000);
  });

  it('tries again sooner after failures: 2 s, 4 s, 8 s … up to the period', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 30].map((failures) => retryPeriod(60_000, failures))).toEqual([
      2_000, 4_000, 8_000, 16_000, 32_000, 60_000, 60_000, 60_000,
    ]);
    expect(nextAttemptAt({ ...base, failures: 2 })).toBe(14_000);
    // a refresh period shorter than the first retry is kept
    expect(retryPeriod(1_000, 3)).toBe(1_000);
  });

  it('waits out a Retry-After pause that outlasts the period, and keeps the period when it is longer', () => {
    // 429 with Retry-After 8 s and a 1 s refresh: the next call leaves when the pause is over
    expect(nextAttemptAt({ ...base, refreshMs: 1_000, pausedUntil: 18_000 })).toBe(18_250);
    // with a 60 s refresh the client does not ask at the pause's end, but a period later: the
    // screen must name that time, not the pause's end
    expect(nextAttemptAt({ ...base, pausedUntil: 18_000 })).toBe(70_000);
  });

  it('ignores a pause that ended before the last attempt', () => {
    expect(nextAttemptAt({ ...base, refreshMs: 1_000, pausedUntil: 9_000 })).toBe(11_000);
  });
});

describe('refreshPolicy', () => {
  it('takes the link’s period, and refreshes in the background on the wall only', () => {
    expect(refreshPolicy('wall', 30)).toEqual({ refreshMs: 30_000, inBackground: true });
    expect(refreshPolicy('dashboard', 60)).toEqual({ refreshMs: 60_000, inBackground: false });
  });
});
