import { describe, expect, it } from 'vitest';
import {
  DEFAULT_PAUSE_MS,
  MAX_PAUSE_MS,
  parseRetryAfter,
  pauseEndsAt,
  retryAfterSeconds,
} from './retry-after.ts';

const now = Date.UTC(2026, 11, 2, 1, 35, 0);

describe('Retry-After', () => {
  it('reads whole seconds', () => {
    expect(parseRetryAfter('30', now)).toBe(30_000);
    expect(parseRetryAfter(' 7 ', now)).toBe(7_000);
  });

  it('reads an HTTP date in each of its three forms', () => {
    expect(parseRetryAfter('Wed, 02 Dec 2026 01:36:00 GMT', now)).toBe(60_000);
    expect(parseRetryAfter('Wednesday, 02-Dec-26 01:36:30 GMT', now)).toBe(90_000);
    expect(parseRetryAfter('Wed Dec  2 01:37:00 2026', now)).toBe(120_000);
  });

  it('takes fractions, negative numbers and other text for no header at all, not for a date', () => {
    for (const value of ['1.5', '-5', '5s', 'soon', '', '0x10', '1e3', null, undefined])
      expect(parseRetryAfter(value, now), String(value)).toBeUndefined();
    expect(pauseEndsAt('1.5', now)).toBe(now + DEFAULT_PAUSE_MS);
    expect(pauseEndsAt('-5', now)).toBe(now + DEFAULT_PAUSE_MS);
  });

  it('waits at least a second and at most three days', () => {
    expect(parseRetryAfter('0', now)).toBe(1000);
    expect(parseRetryAfter('Tue, 01 Dec 2026 00:00:00 GMT', now)).toBe(1000);
    expect(parseRetryAfter(String(365 * 24 * 3600), now)).toBe(MAX_PAUSE_MS);
  });

  it('says the seconds left as a header would, rounded up', () => {
    expect(retryAfterSeconds(now + 1_200, now)).toBe(2);
    expect(retryAfterSeconds(now - 5_000, now)).toBe(1);
  });
});
