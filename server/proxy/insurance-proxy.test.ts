import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createInsuranceProxy, parseRetryAfter } from './insurance-proxy.ts';

interface Seen {
  url: string;
  headers: IncomingHttpHeaders;
}

/** A stand-in upstream on 127.0.0.1 whose next answers the test chooses. */
async function standIn() {
  const seen: Seen[] = [];
  let reply: (url: string) => {
    status: number;
    body: string;
    headers?: Record<string, string>;
    delayMs?: number;
  } = () => ({
    status: 200,
    body: '[]',
  });
  const server = createServer((req, res) => {
    seen.push({ url: req.url ?? '', headers: req.headers });
    const r = reply(req.url ?? '');
    setTimeout(() => {
      res.writeHead(r.status, { 'content-type': 'application/json', ...r.headers });
      res.end(r.body);
    }, r.delayMs ?? 0);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    seen,
    server,
    answer(fn: typeof reply) {
      reply = fn;
    },
  };
}

/** The proxy middleware served on 127.0.0.1, with a clock the test moves. */
async function proxyServer(upstream: string, ttlMs: number, timeoutMs = 10_000) {
  const clock = { t: 1_700_000_000_000 };
  const proxy = createInsuranceProxy({
    upstream,
    cacheTtlMs: ttlMs,
    timeoutMs,
    now: () => clock.t,
  });
  const server = createServer((req, res) => {
    proxy.middleware(req, res, () => {
      res.statusCode = 299;
      res.end('next');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { base: `http://127.0.0.1:${port}`, clock, stats: proxy.stats, server };
}

const servers: Server[] = [];
let upstream: Awaited<ReturnType<typeof standIn>>;

beforeEach(async () => {
  upstream = await standIn();
  servers.push(upstream.server);
});
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((r) => s.close(r))));
});

async function start(ttlMs = 5_000, timeoutMs?: number) {
  const p = await proxyServer(upstream.url, ttlMs, timeoutMs);
  servers.push(p.server);
  return p;
}

describe('the insurance proxy', () => {
  it('forwards the one path with its symbol, and no cookie or authorization', async () => {
    const p = await start();
    upstream.answer(() => ({ status: 200, body: '{"symbols":["BTCUSDT"],"assets":[]}' }));
    const res = await fetch(`${p.base}/fapi/v1/insuranceBalance?symbol=btcusdt`, {
      headers: { cookie: 'session=secret', authorization: 'Bearer secret' },
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ symbols: ['BTCUSDT'], assets: [] });
    expect(upstream.seen).toHaveLength(1);
    expect(upstream.seen[0]!.url).toBe('/fapi/v1/insuranceBalance?symbol=BTCUSDT');
    expect(upstream.seen[0]!.headers.cookie).toBeUndefined();
    expect(upstream.seen[0]!.headers.authorization).toBeUndefined();
  });

  it('passes the upstream status and JSON body through', async () => {
    const p = await start();
    upstream.answer(() => ({ status: 400, body: '{"code":-1121,"msg":"Invalid symbol."}' }));
    const res = await fetch(`${p.base}/fapi/v1/insuranceBalance?symbol=NOPEUSDT`);
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ code: -1121, msg: 'Invalid symbol.' });
  });

  it('reaches no other path, however it is spelled', async () => {
    const p = await start();
    const paths = [
      '/fapi/v1/order',
      '/fapi/v1/insuranceBalance/../order',
      '/fapi/v1/insuranceBalance%2F..%2Forder',
      '/fapi%2Fv1%2FinsuranceBalance',
      '/fapi/v1/%69nsuranceBalance',
      '//fapi/v1/insuranceBalance',
      '/fapi/v1/insuranceBalance%252F..%252Forder',
      '/FAPI/v1/insuranceBalance',
    ];
    for (const path of paths) {
      const res = await fetch(p.base + path);
      expect(res.status, path).not.toBe(200);
    }
    const post = await fetch(`${p.base}/fapi/v1/insuranceBalance`, { method: 'POST' });
    expect(post.status).toBe(405);
    expect(upstream.seen).toHaveLength(0);
  });

  it('refuses a symbol that cannot be one without asking the upstream', async () => {
    const p = await start();
    for (const q of [
      'symbol=..%2F..%2Ffapi%2Fv1%2Forder',
      'symbol=A&symbol=B',
      `symbol=${'A'.repeat(5000)}`,
      'symbol=%00',
    ]) {
      const res = await fetch(`${p.base}/fapi/v1/insuranceBalance?${q}`);
      expect(res.status, q).toBe(400);
      expect(((await res.json()) as { msg: string }).msg).toMatch(/symbol/i);
    }
    expect(upstream.seen).toHaveLength(0);
  });

  it('shares one upstream answer within the cache period and asks again after it', async () => {
    const p = await start(5_000);
    for (let i = 0; i < 5; i += 1) await fetch(`${p.base}/fapi/v1/insuranceBalance`);
    expect(upstream.seen).toHaveLength(1);
    p.clock.t += 5_001;
    await fetch(`${p.base}/fapi/v1/insuranceBalance`);
    expect(upstream.seen).toHaveLength(2);
  });

  it('asks the upstream every time when the cache is off', async () => {
    const p = await start(0);
    await fetch(`${p.base}/fapi/v1/insuranceBalance`);
    await fetch(`${p.base}/fapi/v1/insuranceBalance`);
    expect(upstream.seen).toHaveLength(2);
  });

  it('lets concurrent identical requests share one call in flight', async () => {
    const p = await start(0);
    upstream.answer(() => ({ status: 200, body: '[]', delayMs: 150 }));
    const answers = await Promise.all(
      Array.from({ length: 10 }, () => fetch(`${p.base}/fapi/v1/insuranceBalance`)),
    );
    expect(answers.map((r) => r.status)).toEqual(Array(10).fill(200));
    expect(upstream.seen).toHaveLength(1);
  });

  it('keeps off the upstream after a 429 until Retry-After has passed', async () => {
    const p = await start(0);
    upstream.answer(() => ({
      status: 429,
      body: '{"code":-1003,"msg":"Too many requests."}',
      headers: { 'retry-after': '30' },
    }));
    const first = await fetch(`${p.base}/fapi/v1/insuranceBalance`);
    expect(first.status).toBe(429);
    expect(first.headers.get('retry-after')).toBe('30');
    upstream.answer(() => ({ status: 200, body: '[]' }));
    p.clock.t += 10_000;
    const second = await fetch(`${p.base}/fapi/v1/insuranceBalance?symbol=BTCUSDT`);
    expect(second.status).toBe(429);
    expect(second.headers.get('retry-after')).toBe('20');
    expect(upstream.seen).toHaveLength(1);
    p.clock.t += 20_001;
    expect((await fetch(`${p.base}/fapi/v1/insuranceBalance`)).status).toBe(200);
    expect(upstream.seen).toHaveLength(2);
  });

  it('answers a 418 ban with the same status while it lasts', async () => {
    const p = await start(0);
    upstream.answer(() => ({
      status: 418,
      body: '{"code":-1003,"msg":"banned"}',
      headers: { 'retry-after': '120' },
    }));
    await fetch(`${p.base}/fapi/v1/insuranceBalance`);
    const res = await fetch(`${p.base}/fapi/v1/insuranceBalance`);
    expect(res.status).toBe(418);
    expect(Number(res.headers.get('retry-after'))).toBe(120);
    expect(upstream.seen).toHaveLength(1);
  });

  it('turns an unreachable upstream into a 502 with a message', async () => {
    const p = await proxyServer('http://127.0.0.1:9', 0);
    servers.push(p.server);
    const res = await fetch(`${p.base}/fapi/v1/insuranceBalance`);
    expect(res.status).toBe(502);
    expect(((await res.json()) as { msg: string }).msg).toMatch(/could not be reached/);
  });

  it('turns a silent upstream into a 504 with a message', async () => {
    const p = await start(0, 200);
    upstream.answer(() => ({ status: 200, body: '[]', delayMs: 1_000 }));
    const res = await fetch(`${p.base}/fapi/v1/insuranceBalance`);
    expect(res.status).toBe(504);
    expect(((await res.json()) as { msg: string }).msg).toMatch(/did not answer within 0.2 s/);
  });

  it('turns an HTML or truncated answer into a JSON 502 and does not cache it', async () => {
    const p = await start(5_000);
    upstream.answer(() => ({ status: 502, body: '<html>Bad Gateway</html>' }));
    const html = await fetch(`${p.base}/fapi/v1/insuranceBalance`);
    expect(html.status).toBe(502);
    expect(((await html.json()) as { msg: string }).msg).toMatch(
      /HTTP 502 with a body that is not JSON/,
    );
    upstream.answer(() => ({ status: 200, body: '[{"symbols":["BTC' }));
    const cut = await fetch(`${p.base}/fapi/v1/insuranceBalance`);
    expect(cut.status).toBe(502);
    expect(upstream.seen).toHaveLength(2);
  });

  it('keeps the cache bounded', async () => {
    const clock = { t: 0 };
    const proxy = createInsuranceProxy({
      upstream: upstream.url,
      cacheTtlMs: 60_000,
      maxEntries: 3,
      now: () => clock.t,
    });
    const server = createServer((req, res) => proxy.middleware(req, res, () => res.end()));
    servers.push(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    for (const s of ['AUSDT', 'BUSDT', 'CUSDT', 'DUSDT'])
      await fetch(`${base}/fapi/v1/insuranceBalance?symbol=${s}`);
    await fetch(`${base}/fapi/v1/insuranceBalance?symbol=AUSDT`);
    expect(upstream.seen).toHaveLength(5);
    await fetch(`${base}/fapi/v1/insuranceBalance?symbol=DUSDT`);
    expect(upstream.seen).toHaveLength(5);
  });

  it('leaves other paths to the rest of the server', async () => {
    const p = await start();
    const res = await fetch(`${p.base}/index.html`);
    expect(await res.text()).toBe('next');
  });

  it('keeps its calls within a per-minute budget, whatever clients ask, and serves the cache meanwhile', async () => {
    const clock = { t: 1_700_000_000_000 };
    const proxy = createInsuranceProxy({
      upstream: upstream.url,
      cacheTtlMs: 60_000,
      maxCallsPerMinute: 3,
      now: () => clock.t,
    });
    const server = createServer((req, res) => proxy.middleware(req, res, () => res.end()));
    servers.push(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    for (const s of ['AUSDT', 'BUSDT', 'CUSDT'])
      expect((await fetch(`${base}/fapi/v1/insuranceBalance?symbol=${s}`)).status).toBe(200);
    clock.t += 20_000;
    const over = await fetch(`${base}/fapi/v1/insuranceBalance?symbol=DUSDT`);
    expect(over.status).toBe(429);
    expect(over.headers.get('retry-after')).toBe('40');
    expect(((await over.json()) as { msg: string }).msg).toMatch(/3 times in the last minute/);
    // An answer already cached is still served, and the budget sets no pause for others.
    expect((await fetch(`${base}/fapi/v1/insuranceBalance?symbol=AUSDT`)).status).toBe(200);
    expect(upstream.seen).toHaveLength(3);
    clock.t += 40_001;
    expect((await fetch(`${base}/fapi/v1/insuranceBalance?symbol=DUSDT`)).status).toBe(200);
    expect(upstream.seen).toHaveLength(4);
    expect(proxy.stats.overBudget).toBe(1);
  });

  it('does not read an oversized answer to the end', async () => {
    const proxy = createInsuranceProxy({
      upstream: upstream.url,
      cacheTtlMs: 0,
      maxBodyBytes: 1_000,
    });
    const server = createServer((req, res) => proxy.middleware(req, res, () => res.end()));
    servers.push(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    upstream.answer(() => ({ status: 200, body: JSON.stringify(['x'.repeat(5_000)]) }));
    const res = await fetch(`${base}/fapi/v1/insuranceBalance`);
    expect(res.status).toBe(502);
    expect(res.headers.get('x-proxy-error')).toBe('not-json');
    expect(((await res.json()) as { msg: string }).msg).toMatch(/larger than 1000 bytes/);
    upstream.answer(() => ({ status: 200, body: '[]' }));
    expect((await fetch(`${base}/fapi/v1/insuranceBalance`)).status).toBe(200);
  });
});

describe('parseRetryAfter', () => {
  it('reads seconds and HTTP dates, and ignores nonsense', () => {
    const now = Date.parse('2026-11-21T00:00:00Z');
    expect(parseRetryAfter('12', now)).toBe(12);
    expect(parseRetryAfter('Sat, 21 Nov 2026 00:01:00 GMT', now)).toBe(60);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter(null, now)).toBeUndefined();
  });
});
