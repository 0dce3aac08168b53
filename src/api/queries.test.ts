// @vitest-environment jsdom
import { QueryClient, QueryObserver } from '@tanstack/react-query';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { forgetAttempts } from './attempts';
import { isApiError } from './errors';
import { resetPause } from './api-client';
import { insuranceKeys, poolsQueryOptions } from './queries';
import { nextAttemptOf, QUERY_POLICY } from './refresh-timing';

const T0 = Date.UTC(2026, 11, 2, 1, 35, 0);
const POOLS =
  '[{"symbols":["BTCUSDT"],"assets":[{"asset":"USDT","marginBalance":"1.5","updateTime":1}]}]';

const fetchMock = vi.fn<typeof fetch>();
const answer = (status: number, body: string, headers: Record<string, string> = {}) =>
  new Response(body, { status, headers: { 'content-type': 'application/json', ...headers } });

let client: QueryClient;
let stop: (() => void) | undefined;

beforeEach(() => {
  vi.useFakeTimers({ now: T0 });
  vi.stubGlobal('fetch', fetchMock);
  client = new QueryClient({ defaultOptions: { queries: QUERY_POLICY } });
});
afterEach(() => {
  stop?.();
  client.clear();
  fetchMock.mockReset();
  resetPause();
  forgetAttempts();
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

/** A view watching the pool list, as usePools does, with the given refresh period. */
function watch(refreshMs: number) {
  const policy = { refreshMs, inBackground: true };
  const observer = new QueryObserver(client, poolsQueryOptions(policy));
  stop = observer.subscribe(() => undefined);
  return {
    observer,
    next: () => nextAttemptOf(observer.getCurrentResult(), insuranceKeys.pools(), policy),
  };
}

/** Times of the calls made, relative to the start. */
const callTimes: number[] = [];
beforeEach(() => {
  callTimes.length = 0;
  fetchMock.mockImplementation(async () => {
    callTimes.push(Date.now() - T0);
    return answer(502, '{"code":-1,"msg":"down"}', { 'x-proxy-error': 'unreachable' });
  });
});

describe('the pool list’s schedule', () => {
  it('on a cold start during an outage, tries again after 2 s, 4 s, 8 s, not after a whole period', async () => {
    watch(60_000);
    await vi.advanceTimersByTimeAsync(15_000);
    expect(callTimes).toEqual([0, 2_000, 6_000, 14_000]);
  });

  it('says the time of the next attempt, and the timer keeps it', async () => {
    const { next } = watch(60_000);
    await vi.advanceTimersByTimeAsync(10);
    const said = next();
    expect(said).toEqual({ underway: false, at: T0 + 2_000, settledAt: T0 });
    await vi.advanceTimersByTimeAsync(said.at - Date.now() - 1);
    expect(callTimes).toEqual([0]);
    await vi.advanceTimersByTimeAsync(1);
    expect(callTimes).toEqual([0, 2_000]);
  });

  it('after a 429 asks nothing before Retry-After, and says when it will ask', async () => {
    fetchMock.mockImplementationOnce(async () => {
      callTimes.push(Date.now() - T0);
      return answer(429, '{"code":-1003,"msg":"Too many requests."}', { 'retry-after': '8' });
    });
    const { next } = watch(1_000);
    await vi.advanceTimersByTimeAsync(10);
    expect(next().at).toBe(T0 + 8_250);
    await vi.advanceTimersByTimeAsync(8_000);
    expect(callTimes).toEqual([0]);
    await vi.advanceTimersByTimeAsync(300);
    expect(callTimes).toEqual([0, 8_250]);
  });

  it('while an attempt hangs, says it is under way rather than a time gone by', async () => {
    fetchMock.mockImplementation(() => new Promise<Response>(() => undefined));
    const { next } = watch(60_000);
    await vi.advanceTimersByTimeAsync(5_000);
    expect(next().underway).toBe(true);
  });
});

describe('an empty pool list', () => {
  it('after a list of pools is a fault: the last good pools stay, with an error that says so', async () => {
    fetchMock.mockResolvedValueOnce(answer(200, POOLS)).mockResolvedValue(answer(200, '[]'));
    const { observer } = watch(60_000);
    await vi.advanceTimersByTimeAsync(10);
    expect(observer.getCurrentResult().data?.data).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(60_000);
    const result = observer.getCurrentResult();
    expect(result.data?.data).toHaveLength(1);
    expect(isApiError(result.error) && result.error.kind).toBe('empty-list');
  });

  it('with nothing listed before is what the exchange says', async () => {
    fetchMock.mockResolvedValue(answer(200, '[]'));
    const { observer } = watch(60_000);
    await vi.advanceTimersByTimeAsync(10);
    expect(observer.getCurrentResult().data?.data).toEqual([]);
    expect(observer.getCurrentResult().error).toBeNull();
  });
});
