import { afterEach, describe, expect, it } from 'vitest';
import { attempt, failuresInARow, forgetAttempts } from './attempts';
import { ApiError } from './errors';

const Q = '["question"]';
const fail = (error: unknown, signal?: AbortSignal) =>
  attempt(Q, signal, () => Promise.reject(error)).catch(() => undefined);

afterEach(() => forgetAttempts());

describe('the failures in a row', () => {
  it('count what asking again soon can mend, and start again after an answer', async () => {
    await fail(new ApiError('history-unavailable', { status: 502 }));
    await fail(new ApiError('unreachable'));
    await fail(new ApiError('rate-limited', { status: 429, retryAt: 1 }));
    expect(failuresInARow(Q)).toBe(3);
    await attempt(Q, undefined, () => Promise.resolve('pools'));
    expect(failuresInARow(Q)).toBe(0);
  });

  it('take a refusal for an answer: it would be refused again, so it waits a period', async () => {
    for (const refusal of [
      new ApiError('not-recorded', { status: 404 }),
      new ApiError('invalid-symbol', { status: 400 }),
      new ApiError('upstream', { status: 404 }),
      new ApiError('history-unavailable', { status: 400 }),
    ]) {
      await fail(new ApiError('unreachable'));
      await fail(refusal);
      expect(failuresInARow(Q), refusal.kind).toBe(0);
    }
  });

  it('do not count an attempt its caller gave up', async () => {
    const given = new AbortController();
    given.abort();
    await fail(new DOMException('aborted', 'AbortError'), given.signal);
    expect(failuresInARow(Q)).toBe(0);
  });
});
