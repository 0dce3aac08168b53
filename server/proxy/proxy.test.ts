import { describe, expect, it } from 'vitest';
import { proxyTestbed } from './test-servers.ts';

const LIST = JSON.stringify([
  {
    symbols: ['BTCUSDT', 'ETHUSDT'],
    assets: [{ asset: 'USDT', marginBalance: '793930579.315848', updateTime: 1 }],
  },
  { symbols: ['币安人生USDT'], assets: [{ asset: 'USDT', marginBalance: '12.50', updateTime: 2 }] },
]);

const bed = proxyTestbed({});
const start = bed.start;

describe('the proxy', () => {
  it('forwards the pool list with no cookie or authorization, and passes status and body through', async () => {
    const p = await start();
    bed.upstream.answer(() => ({ status: 200, body: LIST }));
    const res = await p.get('/fapi/v1/insuranceBalance', {
      headers: { cookie: 'session=secret', authorization: 'Bearer secret' },
    });
    expect(res.status).toBe(200);
    expect(await res.text()).toBe(LIST);
    expect(bed.upstream.seen.map((s) => s.url)).toEqual(['/fapi/v1/insuranceBalance']);
    expect(bed.upstream.seen[0]!.headers.cookie).toBeUndefined();
    expect(bed.upstream.seen[0]!.headers.authorization).toBeUndefined();
  });

  it('forwards a checked, upper-cased symbol when the cache is off', async () => {
    const p = await start({ cacheTtlMs: 0 });
    bed.upstream.answer(() => ({ status: 400, body: '{"code":-1121,"msg":"Invalid symbol."}' }));
    const res = await p.get('/fapi/v1/insuranceBalance?symbol=nopeusdt&other=1');
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ code: -1121, msg: 'Invalid symbol.' });
    expect(bed.upstream.seen.map((s) => s.url)).toEqual([
      '/fapi/v1/insuranceBalance?symbol=NOPEUSDT',
    ]);
  });

  it('answers every symbol lookup from one pool list while it is fresh', async () => {
    const p = await start();
    bed.upstream.answer(() => ({ status: 200, body: LIST }));
    const btc = await p.get('/fapi/v1/insuranceBalance?symbol=btcusdt');
    expect(btc.status).toBe(200);
    expect(await btc.json()).toEqual(JSON.parse(LIST)[0]);
    const cjk = await p.get(
      `/fapi/v1/insuranceBalance?symbol=${encodeURIComponent('币安人生usdt')}`,
    );
    // The balance's string comes back exactly, trailing zero and all.
    expect(await cjk.text()).toContain('"marginBalance":"12.50"');
    const unknown = await p.get('/fapi/v1/insuranceBalance?symbol=PEPEUSDT');
    expect(unknown.status).toBe(400);
    expect(await unknown.json()).toEqual({ code: -1121, msg: 'Invalid symbol.' });
    expect(bed.upstream.seen.map((s) => s.url)).toEqual(['/fapi/v1/insuranceBalance']);
    expect(p.proxy.stats.fromList).toBe(3);
  });

  it('reaches no other path, however it is spelled, and only by GET', async () => {
    const p = await start();
    for (const path of [
      '/fapi/v1/order',
      '/fapi/v1/insuranceBalance/../order',
      '/fapi/v1/insuranceBalance%2F..%2Forder',
      '/fapi%2Fv1%2FinsuranceBalance',
      '/fapi/v1/%69nsuranceBalance',
      '//fapi/v1/insuranceBalance',
      '/fapi/v1/insuranceBalance%252F..%252Forder',
      '/FAPI/v1/insuranceBalance',
      '/fapi/v1/assetIndex/../premiumIndex',
      '/fapi/v1/assetindex',
      '/fapi/v2/assetIndex',
    ]) {
      const res = await p.get(path);
      expect(res.status, path).toBe(404);
      expect(((await res.json()) as { msg: string }).msg).toMatch(/Only GET/);
    }
    for (const path of ['/fapi/v1/insuranceBalance', '/fapi/v1/assetIndex']) {
      const post = await p.get(path, { method: 'POST' });
      expect(post.status).toBe(405);
      expect(post.headers.get('allow')).toBe('GET');
    }
    expect(bed.upstream.seen).toHaveLength(0);
  });

  it('refuses a symbol that cannot be one without asking the upstream', async () => {
    const p = await start();
    for (const path of ['/fapi/v1/insuranceBalance', '/fapi/v1/assetIndex'])
      for (const q of [
        'symbol=..%2F..%2Ffapi%2Fv1%2Forder',
        'symbol=A&symbol=B',
        `symbol=${'A'.repeat(5000)}`,
        'symbol=%00',
      ]) {
        const res = await p.get(`${path}?${q}`);
        expect(res.status, q).toBe(400);
        expect(((await res.json()) as { msg: string }).msg).toMatch(/symbol/i);
      }
    expect(bed.upstream.seen).toHaveLength(0);
  });

  it('forwards the asset index, and answers one pair from the whole index while it is fresh', async () => {
    const p = await start();
    const index = JSON.stringify([
      { symbol: 'BTCUSD', time: 5, index: '91234.56780000', bidBuffer: '0.05' },
      { symbol: 'USDTUSD', time: 5, index: '0.99987691' },
    ]);
    bed.upstream.answer(() => ({ status: 200, body: index }));
    expect(await (await p.get('/fapi/v1/assetIndex')).text()).toBe(index);
    const btc = await p.get('/fapi/v1/assetIndex?symbol=btcusd');
    expect(await btc.json()).toEqual(JSON.parse(index)[0]);
    expect((await p.get('/fapi/v1/assetIndex?symbol=BNFCRUSD')).status).toBe(400);
    expect(bed.upstream.seen.map((s) => s.url)).toEqual(['/fapi/v1/assetIndex']);
  });

  it('shares one upstream answer within the cache period and asks again after it', async () => {
    const p = await start();
    for (let i = 0; i < 5; i += 1) await p.get('/fapi/v1/insuranceBalance');
    expect(bed.upstream.seen).toHaveLength(1);
    p.clock.t += 5_001;
    await p.get('/fapi/v1/insuranceBalance');
    expect(bed.upstream.seen).toHaveLength(2);
  });

  it('asks the upstream every time when the cache is off', async () => {
    const p = await start({ cacheTtlMs: 0 });
    await p.get('/fapi/v1/insuranceBalance');
    await p.get('/fapi/v1/insuranceBalance');
    expect(bed.upstream.seen).toHaveLength(2);
  });

  it('lets concurrent identical requests share one call in flight', async () => {
    const p = await start({ cacheTtlMs: 0 });
    bed.upstream.answer(() => ({ status: 200, body: '[]', delayMs: 150 }));
    const answers = await Promise.all(
      Array.from({ length: 10 }, () => p.get('/fapi/v1/insuranceBalance')),
    );
    expect(answers.map((r) => r.status)).toEqual(Array(10).fill(200));
    expect(bed.upstream.seen).toHaveLength(1);
  });

  it('keeps off the upstream after a 429 until Retry-After has passed', async () => {
    const p = await start({ cacheTtlMs: 0 });
    bed.upstream.answer(() => ({
      status: 429,
      body: '{"code":-1003,"msg":"Too many requests."}',
      headers: { 'retry-after': '30' },
    }));
    const first = await p.get('/fapi/v1/insuranceBalance');
    expect(first.status).toBe(429);
    expect(first.headers.get('retry-after')).toBe('30');
    bed.upstream.answer(() => ({ status: 200, body: '[]' }));
    p.clock.t += 10_000;
    const second = await p.get('/fapi/v1/assetIndex?symbol=BTCUSD');
    expect(second.status).toBe(429);
    expect(second.headers.get('retry-after')).toBe('20');
    expect(second.headers.get('x-proxy-error')).toBe('paused');
    expect(bed.upstream.seen).toHaveLength(1);
    p.clock.t += 20_001;
    expect((await p.get('/fapi/v1/insuranceBalance')).status).toBe(200);
    expect(bed.upstream.seen).toHaveLength(2);
  });

  it('takes a Retry-After of 1.5 or -5 for none, and pauses the default 60 s', async () => {
    for (const header of ['1.5', '-5']) {
      const p = await start({ cacheTtlMs: 0 });
      bed.upstream.answer(() => ({ status: 429, body: '{}', headers: { 'retry-after': header } }));
      expect((await p.get('/fapi/v1/insuranceBalance')).headers.get('retry-after')).toBe('60');
      p.clock.t += 30_000;
      expect((await p.get('/fapi/v1/insuranceBalance')).status, header).toBe(429);
    }
  });

  it('answers a 418 ban with the same status while it lasts', async () => {
    const p = await start({ cacheTtlMs: 0 });
    bed.upstream.answer(() => ({
      status: 418,
      body: '{"code":-1003,"msg":"banned"}',
      headers: { 'retry-after': '120' },
    }));
    await p.get('/fapi/v1/insuranceBalance');
    const res = await p.get('/fapi/v1/insuranceBalance');
    expect(res.status).toBe(418);
    expect(Number(res.headers.get('retry-after'))).toBe(120);
    expect(bed.upstream.seen).toHaveLength(1);
  });

  it('turns an unreachable upstream into a 502 with a message', async () => {
    const p = await start({ upstream: 'http://127.0.0.1:9', cacheTtlMs: 0 });
    const res = await p.get('/fapi/v1/insuranceBalance');
    expect(res.status).toBe(502);
    expect(res.headers.get('x-proxy-error')).toBe('unreachable');
    expect(((await res.json()) as { msg: string }).msg).toMatch(/could not be reached/);
  });

  it('turns a silent upstream into a 504 with a message', async () => {
    const p = await start({ cacheTtlMs: 0, timeoutMs: 200 });
    bed.upstream.answer(() => ({ status: 200, body: '[]', delayMs: 1_000 }));
    const res = await p.get('/fapi/v1/insuranceBalance');
    expect(res.status).toBe(504);
    expect(((await res.json()) as { msg: string }).msg).toMatch(/did not answer within 0.2 s/);
  });

  it('turns an HTML or truncated answer into a JSON 502 and does not cache it', async () => {
    const p = await start();
    bed.upstream.answer(() => ({ status: 502, body: '<html>Bad Gateway</html>' }));
    const html = await p.get('/fapi/v1/insuranceBalance');
    expect(html.status).toBe(502);
    expect(((await html.json()) as { msg: string }).msg).toMatch(
      /HTTP 502 with a body that is not JSON/,
    );
    bed.upstream.answer(() => ({ status: 200, body: '[{"symbols":["BTC' }));
    expect((await p.get('/fapi/v1/insuranceBalance')).status).toBe(502);
    expect(bed.upstream.seen).toHaveLength(2);
  });

  it('does not read an oversized answer to the end', async () => {
    const p = await start({ cacheTtlMs: 0, maxBodyBytes: 1_000 });
    bed.upstream.answer(() => ({ status: 200, body: JSON.stringify(['x'.repeat(5_000)]) }));
    const res = await p.get('/fapi/v1/insuranceBalance');
    expect(res.status).toBe(502);
    expect(res.headers.get('x-proxy-error')).toBe('not-json');
    expect(((await res.json()) as { msg: string }).msg).toMatch(/larger than 1000 bytes/);
  });

  it('leaves other paths to the rest of the server', async () => {
    const p = await start();
    expect(await (await p.get('/index.html')).text()).toBe('next');
    expect(await (await p.get('/api/history?symbol=BTCUSDT')).text()).toBe('next');
  });

  it('tells of each new pool list as it comes in, not of answers from the cache or errors', async () => {
    const told: string[] = [];
    const p = await start({ onPoolList: (a) => told.push(a.body) });
    bed.upstream.answer(() => ({ status: 200, body: LIST }));
    await p.get('/fapi/v1/insuranceBalance');
    await p.get('/fapi/v1/insuranceBalance');
    expect(told).toEqual([LIST]);
    p.clock.t += 6_000;
    bed.upstream.answer(() => ({ status: 500, body: '{"code":-1,"msg":"down"}' }));
    await p.get('/fapi/v1/insuranceBalance');
    expect(told).toEqual([LIST]);
  });
});

describe('the proxy’s ADL risk path', () => {
  it('forwards GET /fapi/v1/symbolAdlRisk, checks its symbol and serves a symbol from the list', async () => {
    const p = await start();
    const ratings = [
      { symbol: 'BTCUSDT', adlRisk: 'low', updateTime: 1 },
      { symbol: 'ETHUSDT', adlRisk: 'high', updateTime: 1 },
    ];
    bed.upstream.answer(() => ({ status: 200, body: JSON.stringify(ratings) }));
    expect(await (await p.get('/fapi/v1/symbolAdlRisk')).json()).toEqual(ratings);
    expect(await (await p.get('/fapi/v1/symbolAdlRisk?symbol=ethusdt')).json()).toEqual(ratings[1]);
    expect((await p.get('/fapi/v1/symbolAdlRisk?symbol=a%2Fb')).status).toBe(400);
    expect((await p.get('/fapi/v1/symbolAdlRisks')).status).toBe(404);
    // One upstream call served all of it.
    expect(bed.upstream.seen.map((s) => s.url)).toEqual(['/fapi/v1/symbolAdlRisk']);
  });

  it('passes an upstream’s 404 through, the pool list unaffected', async () => {
    const p = await start();
    bed.upstream.answer((url) =>
      url.startsWith('/fapi/v1/symbolAdlRisk')
        ? { status: 404, body: '{"code":-5,"msg":"Not found."}' }
        : { status: 200, body: LIST },
    );
    expect((await p.get('/fapi/v1/symbolAdlRisk')).status).toBe(404);
    expect((await p.get('/fapi/v1/insuranceBalance')).status).toBe(200);
  });
});
