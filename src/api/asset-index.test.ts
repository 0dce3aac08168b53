import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  assetIndexQueryOptions,
  fetchAssetIndex,
  indexPausedUntil,
  resetIndexPause,
  shouldRetryIndex,
} from './asset-index';
import { ApiError } from './errors';
import { fetchInsuranceBalance, pausedUntil, resetPause } from './insurance-balance';

/** Answers every call anew (a Response's body can be read once). */
function reply(status: number, body: string, headers: Record<string, string> = {}) {
  return vi
    .fn<typeof fetch>()
    .mockImplementation(() =>
      Promise.resolve(
        new Response(body, { status, headers: { 'content-type': 'application/json', ...headers } }),
      ),
    );
}

async function failure(promise: Promise<unknown>): Promise<ApiError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw new Error(`expected an ApiError, got ${String(error)}`);
  }
  throw new Error('expected the call to fail');
}

const DOCUMENTED =
  '[{"symbol":"ADAUSD","time":1635740268004,"index":"1.92957370","bidBuffer":"0.10000000","askBuffer":"0.10000000","bidRate":"1.73661633","askRate":"2.12253107","autoExchangeBidBuffer":"0.05000000","autoExchangeAskBuffer":"0.05000000","autoExchangeBidRate":"1.83309501","autoExchangeAskRate":"2.02605238"}]';

beforeEach(() => {
  resetPause();
  resetIndexPause();
});
afterEach(() => vi.unstubAllGlobals());

describe('fetchAssetIndex', () => {
  it('asks the proxy for every entry and keeps what values a balance, exactly', async () => {
    const fetchMock = reply(200, DOCUMENTED, { 'x-demo-data': '1' });
    vi.stubGlobal('fetch', fetchMock);
    const snapshot = await fetchAssetIndex();
    expect(fetchMock.mock.calls[0]![0]).toBe('/fapi/v1/assetIndex');
    expect(snapshot.data).toEqual([{ symbol: 'ADAUSD', time: 1635740268004, index: '1.92957370' }]);
    expect(snapshot.demo).toBe(true);
  });

  it('calls an index that is not a decimal string unreadable, naming the field', async () => {
    vi.stubGlobal('fetch', reply(200, '[{"symbol":"BTCUSD","time":1,"index":94712.3}]'));
    expect(await failure(fetchAssetIndex())).toMatchObject({
      kind: 'bad-response',
      detail: '[0].index: expected a decimal string',
    });
  });

  it('pauses itself alone after its own 429, so the pool list keeps refreshing', async () => {
    vi.stubGlobal(
      'fetch',
      reply(429, '{"code":-1003,"msg":"Too many requests."}', { 'retry-after': '30' }),
    );
    const limited = await failure(fetchAssetIndex());
    expect(limited.kind).toBe('rate-limited');
    expect(indexPausedUntil()).toBe(limited.retryAt);
    expect(pausedUntil()).toBe(0);
    const okMock = reply(200, '[]');
    vi.stubGlobal('fetch', okMock);
    await fetchInsuranceBalance();
    expect((await failure(fetchAssetIndex())).kind).toBe('rate-limited');
    expect(okMock).toHaveBeenCalledTimes(1);
  });

  it('waits out a pause of the pool list too: the exchange limits the whole address', async () => {
    vi.stubGlobal('fetch', reply(418, '{"code":-1003,"msg":"banned"}', { 'retry-after': '120' }));
    await failure(fetchInsuranceBalance());
    const okMock = reply(200, DOCUMENTED);
    vi.stubGlobal('fetch', okMock);
    const error = await failure(fetchAssetIndex());
    expect(error.kind).toBe('banned');
    expect(okMock).not.toHaveBeenCalled();
    expect(indexPausedUntil()).toBe(pausedUntil());
  });

  it('refreshes on the dashboard’s period, and later while paused', () => {
    const options = assetIndexQueryOptions({ refreshMs: 60_000, inBackground: false });
    const interval = options.refetchInterval as () => number;
    expect(interval()).toBe(60_000);
    expect(options.queryKey).toEqual(['assetIndex', 'list']);
  });

  it('does not retry a refusal such as a path the proxy does not serve', () => {
    expect(shouldRetryIndex(0, new ApiError('upstream', { status: 404 }))).toBe(false);
    expect(shouldRetryIndex(0, new ApiError('upstream', { status: 500 }))).toBe(true);
    expect(shouldRetryIndex(0, new ApiError('rate-limited', { status: 429 }))).toBe(false);
    expect(shouldRetryIndex(0, new ApiError('unreachable'))).toBe(true);
  });
});
