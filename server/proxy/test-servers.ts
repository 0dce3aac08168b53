import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach } from 'vitest';
import { createProxy, type ProxyOptions } from './proxy.ts';
import { createProxyRoute } from './route.ts';

export interface Seen {
  url: string;
  headers: IncomingHttpHeaders;
}

export interface Reply {
  status: number;
  body: string;
  headers?: Record<string, string>;
  delayMs?: number;
}

/** A stand-in upstream on 127.0.0.1 for tests, whose next answers the test chooses. */
export async function startStandIn() {
  const seen: Seen[] = [];
  let reply: (url: string) => Reply = () => ({ status: 200, body: '[]' });
  const server: Server = createServer((req, res) => {
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
    answer(fn: (url: string) => Reply) {
      reply = fn;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export type StandIn = Awaited<ReturnType<typeof startStandIn>>;

/**
 * The proxy's route served on 127.0.0.1 in front of `upstream`, with a clock the test moves;
 * other paths are answered 299 "next".
 */
export async function serveProxy(upstream: string, options: Partial<ProxyOptions> = {}) {
  const clock = { t: Date.UTC(2026, 11, 2, 1, 0, 0) };
  const proxy = createProxy({
    upstream,
    cacheTtlMs: 5_000,
    now: () => clock.t,
    log: () => undefined,
    ...options,
  });
  const route = createProxyRoute(proxy);
  const server = createServer((req, res) =>
    route(req, res, () => {
      res.statusCode = 299;
      res.end('next');
    }),
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    base,
    clock,
    proxy,
    get: (path: string, init?: RequestInit) => fetch(base + path, init),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/**
 * A fresh stand-in upstream for each test, and the proxies started in front of it closed after
 * it: `start` serves a proxy with these defaults under the test's own options.
 */
export function proxyTestbed(defaults: Partial<ProxyOptions> = {}) {
  let upstream: StandIn | undefined;
  const running: { close: () => Promise<void> }[] = [];
  beforeEach(async () => {
    upstream = await startStandIn();
  });
  afterEach(async () => {
    await Promise.all(running.splice(0).map((r) => r.close()));
    await upstream?.close();
  });
  const current = () => {
    if (!upstream) throw new Error('the stand-in upstream starts before each test');
    return upstream;
  };
  return {
    get upstream() {
      return current();
    },
    async start(options: Partial<ProxyOptions> = {}) {
      const served = await serveProxy(current().url, { ...defaults, ...options });
      running.push(served);
      return served;
    },
  };
}
