import { describe, expect, it, vi } from 'vitest';
import { pausedUntil } from './api-client';
import { assetIndexQueryOptions, fetchAssetIndex } from './asset-index';
import { failure, freshFetchEachTest, nextAfterSuccess, reply } from '../test/api-replies';
import { fetchInsuranceBalance } from './insurance-balance';

const DOCUMENTED =
  '[{"symbol":"ADAUSD","time":1635740268004,"index":"1.92957370","bidBuffer":"0.10000000","askBuffer":"0.10000000","bidRate":"1.73661633","askRate":"2.12253107","autoExchangeBidBuffer":"0.05000000","autoExchangeAskBuffer":"0.05000000","autoExchangeBidRate":"1.83309501","autoExchangeAskRate":"2.02605238"}]';

freshFetchEachTest();

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

  it('pauses every path after its own 429: the exchange limits the whole address', async () => {
    vi.stubGlobal(
      'fetch',
      reply(429, '{"code":-1003,"msg":"Too many requests."}', { 'retry-after': '30' }),
    );
    const limited = await failure(fetchAssetIndex());
    expect(limited.kind).toBe('rate-limited');
    expect(pausedUntil()).toBe(limited.retryAt);
    const okMock = reply(200, '[]');
    vi.stubGlobal('fetch', okMock);
    expect((await failure(fetchInsuranceBalance())).kind).toBe('rate-limited');
    expect((await failure(fetchAssetIndex())).kind).toBe('rate-limited');
    expect(okMock).not.toHaveBeenCalled();
  });

  it('leaves the pool list alone when the server holds the heavier index back for its budget', async () => {
    vi.stubGlobal(
      'fetch',
      reply(429, '{"code":-1003,"msg":"over budget"}', {
        'retry-after': '30',
        'x-proxy-error': 'over-budget',
      }),
    );
    const held = await failure(fetchAssetIndex());
    expect(held.kind).toBe('rate-limited');
    expect(held.retryAt).toBeGreaterThan(Date.now());
    expect(pausedUntil()).toBe(0);
    const okMock = reply(200, '[]');
    vi.stubGlobal('fetch', okMock);
    await fetchInsuranceBalance();
    expect(okMock).toHaveBeenCalledTimes(1);
  });

  it('waits out a pause of the pool list too', async () => {
    vi.stubGlobal('fetch', reply(418, '{"code":-1003,"msg":"banned"}', { 'retry-after': '120' }));
    const banned = await failure(fetchInsuranceBalance());
    const okMock = reply(200, DOCUMENTED);
    vi.stubGlobal('fetch', okMock);
    const error = await failure(fetchAssetIndex());
    expect(error.kind).toBe('banned');
    expect(error.retryAt).toBe(banned.retryAt);
    expect(okMock).not.toHaveBeenCalled();
  });

  it('refreshes on the dashboard’s period, by the one policy of every query', () => {
    const options = assetIndexQueryOptions({ refreshMs: 60_000, inBackground: false });
    vi.useFakeTimers({ now: Date.UTC(2026, 11, 2) });
    expect(nextAfterSuccess(options)).toBe(60_000);
    expect(options.queryKey).toEqual(['assetIndex', 'list']);
    expect(options.refetchIntervalInBackground).toBe(false);
  });
});
