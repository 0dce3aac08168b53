import { afterEach, beforeEach, vi } from 'vitest';
import { resetPause } from '../api/api-client';
import { ApiError } from '../api/errors';
import { nextAttemptIn } from '../api/refresh-timing';

/** Each test of this file starts with no pause held, and ends with the real fetch and clock. */
export function freshFetchEachTest() {
  beforeEach(() => resetPause());
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.useRealTimers();
  });
}

/** A fetch that answers every call anew (a Response's body can be read once), JSON unless said. */
export function reply(status: number, body: unknown, headers: Record<string, string> = {}) {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  return vi
    .fn<typeof fetch>()
    .mockImplementation(() =>
      Promise.resolve(
        new Response(text, { status, headers: { 'content-type': 'application/json', ...headers } }),
      ),
    );
}

/** How long the one refresh policy waits to ask the query of `options` again after a success now. */
export function nextAfterSuccess(
  options: Pick<Parameters<typeof nextAttemptIn>[0], 'queryKey' | 'meta'>,
) {
  const state = {
    fetchStatus: 'idle',
    dataUpdatedAt: Date.now(),
    errorUpdatedAt: 0,
    error: null,
  } as const;
  return nextAttemptIn({ queryKey: options.queryKey, meta: options.meta, state });
}

/** The ApiError a call fails with; anything else fails the test. */
export async function failure(promise: Promise<unknown>): Promise<ApiError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw new Error(`expected an ApiError, got ${String(error)}`);
  }
  throw new Error('expected the call to fail');
}
