import { describe, expect, it, vi } from 'vitest';
import { failure, freshFetchEachTest, reply } from '../test/api-replies';
import { pausedUntil } from './api-client';
import { fetchInsuranceBalance } from './insurance-balance';

freshFetchEachTest();

describe('fetchInsuranceBalance', () => {
  it('asks the proxy, not the exchange, and returns exact pools with the demo flag', async () => {
    const fetchMock = reply(
      200,
      '[{"symbols":["BTCUSDT"],"assets":[{"asset":"USDT","marginBalance":"1.10","updateTime":5}]}]',
      {
        'x-demo-data': '1',
        'x-fetched-at': '1700000000000',
      },
    );
    vi.stubGlobal('fetch', fetchMock);
    const snapshot = await fetchInsuranceBalance();
    expect(fetchMock.mock.calls[0]![0]).toBe('/fapi/v1/insuranceBalance');
    expect(snapshot).toEqual({
      data: [
        { symbols: ['BTCUSDT'], assets: [{ asset: 'USDT', marginBalance: '1.10', updateTime: 5 }] },
      ],
      demo: true,
      fetchedAt: 1700000000000,
    });
  });

  it('encodes a non-ASCII symbol into the query', async () => {
    const fetchMock = reply(200, '{"symbols":["币安人生USDT"],"assets":[]}');
    vi.stubGlobal('fetch', fetchMock);
    const snapshot = await fetchInsuranceBalance('币安人生USDT');
    expect(fetchMock.mock.calls[0]![0]).toBe(
      `/fapi/v1/insuranceBalance?symbol=${encodeURIComponent('币安人生USDT')}`,
    );
    expect(snapshot.data.symbols).toEqual(['币安人生USDT']);
  });

  it('tells an unknown symbol apart from other errors', async () => {
    vi.stubGlobal('fetch', reply(400, '{"code":-1121,"msg":"Invalid symbol."}'));
    const error = await failure(fetchInsuranceBalance('NOPEUSDT'));
    expect(error).toMatchObject({ kind: 'invalid-symbol', symbol: 'NOPEUSDT', status: 400 });
  });

  it('never calls a 400 on the pool list a symbol error: no symbol was asked about', async () => {
    vi.stubGlobal('fetch', reply(400, '{"code":-1121,"msg":"Invalid symbol."}'));
    const error = await failure(fetchInsuranceBalance());
    expect(error.kind).toBe('upstream');
    expect(error).toMatchObject({ status: 400, symbol: undefined });
  });

  it('reads Retry-After with the core’s rules: "1.5" is no delay, so the 60 s default holds', async () => {
    vi.stubGlobal('fetch', reply(429, '{"code":-1003,"msg":"x"}', { 'retry-after': '1.5' }));
    const before = Date.now();
    const error = await failure(fetchInsuranceBalance());
    expect(error.retryAt! - before).toBeGreaterThanOrEqual(59_000);
  });

  it('pauses every request until Retry-After has passed after a 429', async () => {
    vi.stubGlobal(
      'fetch',
      reply(429, '{"code":-1003,"msg":"Too many requests."}', { 'retry-after': '30' }),
    );
    const before = Date.now();
    const first = await failure(fetchInsuranceBalance());
    expect(first.kind).toBe('rate-limited');
    expect(first.retryAt).toBeGreaterThanOrEqual(before + 30_000);
    const okMock = reply(200, '[]');
    vi.stubGlobal('fetch', okMock);
    const second = await failure(fetchInsuranceBalance('BTCUSDT'));
    expect(second.kind).toBe('rate-limited');
    expect(okMock).not.toHaveBeenCalled();
    expect(pausedUntil()).toBe(first.retryAt);
  });

  it('reports a 418 as a ban with when to try again', async () => {
    vi.stubGlobal('fetch', reply(418, '{"code":-1003,"msg":"banned"}', { 'retry-after': '120' }));
    const error = await failure(fetchInsuranceBalance());
    expect(error.kind).toBe('banned');
    expect(error.retryAt! - Date.now()).toBeGreaterThan(110_000);
  });

  it('maps the proxy’s own answers to unreachable, timed out and unreadable', async () => {
    vi.stubGlobal(
      'fetch',
      reply(502, '{"code":-1,"msg":"The upstream could not be reached (ECONNREFUSED)."}', {
        'x-proxy-error': 'unreachable',
      }),
    );
    expect((await failure(fetchInsuranceBalance())).kind).toBe('unreachable');
    vi.stubGlobal(
      'fetch',
      reply(504, '{"code":-1007,"msg":"The upstream did not answer within 10 s."}', {
        'x-proxy-error': 'timeout',
      }),
    );
    expect((await failure(fetchInsuranceBalance())).kind).toBe('timeout');
    vi.stubGlobal(
      'fetch',
      reply(502, '{"code":-1,"msg":"not JSON"}', { 'x-proxy-error': 'not-json' }),
    );
    expect((await failure(fetchInsuranceBalance())).kind).toBe('bad-response');
    vi.stubGlobal('fetch', reply(500, '{"code":-1000,"msg":"An unknown error occurred."}'));
    expect(await failure(fetchInsuranceBalance())).toMatchObject({ kind: 'upstream', status: 500 });
  });

  it('calls a cut-off or malformed answer unreadable and names the field', async () => {
    vi.stubGlobal('fetch', reply(200, '[{"symbols":["BTC'));
    expect((await failure(fetchInsuranceBalance())).kind).toBe('bad-response');
    vi.stubGlobal(
      'fetch',
      reply(
        200,
        '[{"symbols":["BTCUSDT"],"assets":[{"asset":"USDT","marginBalance":12.5,"updateTime":1}]}]',
      ),
    );
    const error = await failure(fetchInsuranceBalance());
    expect(error).toMatchObject({
      kind: 'bad-response',
      detail: '[0].assets[0].marginBalance: expected a decimal string',
    });
  });

  it('calls a network failure unreachable', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn<typeof fetch>().mockRejectedValue(new TypeError('Failed to fetch')),
    );
    expect((await failure(fetchInsuranceBalance())).kind).toBe('unreachable');
  });
});
