import { describe, expect, it, vi } from 'vitest';
import { ApiError } from './errors';
import { failure, freshFetchEachTest, nextAfterSuccess, reply } from '../test/api-replies';
import { btcHour } from '../test/history-answer';
import {
  eventsQueryOptions,
  fetchEvents,
  fetchHistory,
  fetchOverview,
  historyKeys,
  historyQueryOptions,
} from './history';
import { pausedUntil } from './api-client';
import { fetchInsuranceBalance } from './insurance-balance';
import { nextAttemptIn } from './refresh-timing';

const t = 1764633600000;
const HISTORY = btcHour(t);

freshFetchEachTest();

describe('an answer that stands still', () => {
  it('is given back as the data read before, its text not parsed again, while a new text is read anew', async () => {
    const first = { ...HISTORY, series: [{ asset: 'USDT', points: [{ t, balance: '1.50' }] }] };
    vi.stubGlobal('fetch', reply(200, first));
    const a = await fetchHistory({ symbol: 'BTCUSDT', from: 1, to: 2 });
    const b = await fetchHistory({ symbol: 'BTCUSDT', from: 1, to: 2 });
    expect(b.data).toBe(a.data);
    expect(b.fetchedAt).toBeGreaterThanOrEqual(a.fetchedAt);

    // Another question, or another answer, is read and checked as any.
    const c = await fetchHistory({ symbol: 'BTCUSDT', from: 1, to: 3 });
    expect(c.data).not.toBe(a.data);
    expect(c.data).toEqual(a.data);
    const moved = { ...first, series: [{ asset: 'USDT', points: [{ t, balance: '1.5' }] }] };
    vi.stubGlobal('fetch', reply(200, moved));
    const d = await fetchHistory({ symbol: 'BTCUSDT', from: 1, to: 3 });
    expect(d.data.series[0]!.points[0]!.balance).toBe('1.5');
    // A broken answer after a good one is refused, not taken for the good one.
    vi.stubGlobal('fetch', reply(200, { ...moved, series: 'no' }));
    expect((await failure(fetchHistory({ symbol: 'BTCUSDT', from: 1, to: 3 }))).kind).toBe(
      'history-unavailable',
    );
  });
});

describe('the history fetchers', () => {
  it('ask the server’s own API with the given range, and keep every balance exact', async () => {
    const fetchMock = reply(200, HISTORY, { 'x-demo-data': '1' });
    vi.stubGlobal('fetch', fetchMock);
    const answer = await fetchHistory({ symbol: '币安人生USDT', from: 1, to: 2, points: 500 });
    expect(fetchMock.mock.calls[0]![0]).toBe(
      `/api/history?symbol=${encodeURIComponent('币安人生USDT')}&from=1&to=2&points=500`,
    );
    expect(answer.data.series[0]!.points[0]!.balance).toBe('793930579.315848');
    expect(answer.demo).toBe(true);
  });

  it('work out a range of the last N ms at each fetch, so its query key never moves', async () => {
    vi.useFakeTimers({ now: t });
    const fetchMock = reply(200, { from: t - 604_800_000, to: t, events: [] });
    vi.stubGlobal('fetch', fetchMock);
    await fetchEvents({ last: 604_800_000, limit: 50 });
    expect(fetchMock.mock.calls[0]![0]).toBe(`/api/events?from=${t - 604_800_000}&limit=50`);
    const options = eventsQueryOptions(
      { last: 604_800_000 },
      { refreshMs: 60_000, inBackground: false },
    );
    expect(options.queryKey).toEqual(['history', 'events', { last: 604_800_000 }]);
  });

  it('ask for the overview with its sparkline length', async () => {
    const fetchMock = reply(200, { at: null, coverage: [], pools: [] });
    vi.stubGlobal('fetch', fetchMock);
    expect((await fetchOverview(24)).data).toEqual({ at: null, coverage: [], pools: [] });
    expect(fetchMock.mock.calls[0]![0]).toBe('/api/overview?spark=24');
    await fetchOverview();
    expect(fetchMock.mock.calls[1]![0]).toBe('/api/overview');
  });

  it('tell a symbol never recorded apart from a history that cannot be had', async () => {
    vi.stubGlobal('fetch', reply(404, { code: -1121, msg: 'Never recorded.' }));
    expect(await failure(fetchHistory({ symbol: 'NOPEUSDT' }))).toMatchObject({
      kind: 'not-recorded',
      symbol: 'NOPEUSDT',
      status: 404,
    });
    vi.stubGlobal('fetch', reply(500, '<html>oops</html>'));
    expect(await failure(fetchHistory({ symbol: 'BTCUSDT' }))).toMatchObject({
      kind: 'history-unavailable',
      status: 500,
    });
    vi.stubGlobal(
      'fetch',
      vi.fn<typeof fetch>().mockRejectedValue(new TypeError('Failed to fetch')),
    );
    expect((await failure(fetchOverview())).kind).toBe('history-unavailable');
  });

  it('check the answer at the boundary and name the field that does not fit', async () => {
    const broken = { ...HISTORY, series: [{ asset: 'USDT', points: [{ t: 1, balance: 12.5 }] }] };
    vi.stubGlobal('fetch', reply(200, broken));
    expect(await failure(fetchHistory({ symbol: 'BTCUSDT' }))).toMatchObject({
      kind: 'history-unavailable',
      issue: { path: 'series[0].points[0].balance', expected: 'decimal' },
    });
  });

  it('say when a busy server asks to be asked again, without pausing the exchange’s paths', async () => {
    vi.stubGlobal('fetch', reply(503, { code: 503, msg: 'busy' }, { 'retry-after': '20' }));
    const busy = await failure(fetchOverview());
    expect(busy).toMatchObject({ kind: 'history-unavailable', status: 503 });
    expect(busy.retryAt).toBeGreaterThanOrEqual(Date.now() + 19_000);
    expect(pausedUntil()).toBe(0);
    const okMock = reply(200, []);
    vi.stubGlobal('fetch', okMock);
    await fetchInsuranceBalance();
    expect(okMock.mock.calls[0]![0]).toBe('/fapi/v1/insuranceBalance');
  });

  it('wait out a 429 on every path, the exchange’s too, in the history’s own words', async () => {
    vi.stubGlobal('fetch', reply(429, { code: -1003, msg: 'busy' }, { 'retry-after': '20' }));
    const paused = await failure(fetchOverview());
    expect(paused).toMatchObject({ kind: 'history-unavailable', retryAt: pausedUntil() });
    const okMock = reply(200, []);
    vi.stubGlobal('fetch', okMock);
    expect((await failure(fetchOverview())).retryAt).toBe(paused.retryAt);
    expect((await failure(fetchInsuranceBalance())).kind).toBe('rate-limited');
    expect(okMock).not.toHaveBeenCalled();
  });
});

describe('the history queries', () => {
  it('have general keys, refresh on the period and keep the previous answer while refetching', () => {
    const params = { symbol: 'BTCUSDT', last: 86_400_000, points: 1000 };
    const options = historyQueryOptions(params, { refreshMs: 30_000, inBackground: true });
    expect(options.queryKey).toEqual(['history', 'series', params]);
    expect(historyKeys.overview(24)).toEqual(['history', 'overview', { spark: 24 }]);
    vi.useFakeTimers({ now: Date.UTC(2026, 11, 2) });
    expect(nextAfterSuccess(options)).toBe(30_000);
    expect(options.refetchIntervalInBackground).toBe(true);
    expect(options.placeholderData).toBeTypeOf('function');
  });

  it('ask a busy server again no sooner than its Retry-After', () => {
    const params = { symbol: 'BTCUSDT', points: 1000 };
    const options = historyQueryOptions(params, { refreshMs: 5_000, inBackground: false });
    const now = Date.now();
    const error = new ApiError('history-unavailable', { status: 503, retryAt: now + 20_000 });
    const state = { fetchStatus: 'idle', dataUpdatedAt: 0, errorUpdatedAt: now, error } as const;
    const wait = nextAttemptIn({ queryKey: options.queryKey, meta: options.meta, state });
    expect(wait).toBeGreaterThanOrEqual(20_000);
  });
});
