import { describe, expect, it } from 'vitest';
import { ApiError } from './errors';
import { latestFailure } from './use-pools';

const healthy = {
  error: null,
  errorUpdatedAt: 0,
  dataUpdatedAt: 1_000,
  failureCount: 0,
  failureReason: null,
};

describe('latestFailure', () => {
  it('reports nothing while the last attempt succeeded', () => {
    expect(latestFailure(healthy)).toEqual({ error: undefined, failedAfterData: false });
  });

  it('reports a failed attempt at once, while the retries are still to come', () => {
    const timeout = new ApiError('timeout', { status: 504 });
    const failure = latestFailure({ ...healthy, failureCount: 1, failureReason: timeout });
    expect(failure.error?.kind).toBe('timeout');
    expect(failure.failedAfterData).toBe(true);
  });

  it('keeps reporting the final error during the next refresh, until one succeeds', () => {
    const failure = latestFailure({
      ...healthy,
      error: new ApiError('unreachable'),
      errorUpdatedAt: 5_000,
    });
    expect(failure.error?.kind).toBe('unreachable');
  });

  it('forgets an error older than the data on screen', () => {
    const failure = latestFailure({
      ...healthy,
      error: new ApiError('unreachable'),
      errorUpdatedAt: 500,
    });
    expect(failure).toEqual({ error: undefined, failedAfterData: false });
  });

  it('turns anything thrown into an error it can put in words', () => {
    const failure = latestFailure({
      ...healthy,
      failureCount: 1,
      failureReason: new TypeError('Failed to fetch'),
    });
    expect(failure.error).toBeInstanceOf(ApiError);
    expect(failure.error?.kind).toBe('unreachable');
  });
});
