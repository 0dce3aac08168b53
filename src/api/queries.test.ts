import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from './errors';
import { resetPause, fetchInsuranceBalance } from './insurance-balance';
import { nextRefreshIn, retryDelay, shouldRetry } from './queries';

afterEach(() => {
  resetPause();
  vi.unstubAllGlobals();
});

describe('the retry policy', () => {
  it('never retries an invalid symbol or a pause the exchange asked for', () => {
    expect(shouldRetry(0, new ApiError('invalid-symbol'))).toBe(false);
    expect(shouldRetry(0, new ApiError('rate-limited'))).toBe(false);
    expect(shouldRetry(0, new ApiError('banned'))).toBe(false);
  });

  it('retries passing faults a bounded number of times', () => {
    expect(shouldRetry(0, new ApiError('unreachable'))).toBe(true);
    expect(shouldRetry(1, new ApiError('timeout'))).toBe(true);
    expect(shouldRetry(2, new ApiError('timeout'))).toBe(false);
  });

  it('waits out Retry-After before the next refresh or retry', async () => {
    expect(nextRefreshIn(60_000)).toBe(60_000);
    vi.stubGlobal(
      'fetch',
      vi.fn<typeof fetch>().mockResolvedValue(
        new Response('{"code":-1003,"msg":"x"}', {
          status: 429,
          headers: { 'retry-after': '300' },
        }),
      ),
    );
    await fetchInsuranceBalance().catch(() => undefined);
    expect(nextRefreshIn(60_000)).toBeGreaterThan(299_000);
    expect(retryDelay(0)).toBeGreaterThan(299_000);
  });
});
