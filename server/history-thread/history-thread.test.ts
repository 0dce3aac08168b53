import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { readConfig } from '../config.ts';
import { pool, record } from '../history/test-store-suite.ts';
import { openSqliteAdapter } from '../history/sqlite/sqlite-adapter.ts';
import { loadHistory } from '../history-wiring.ts';
import { createMetrics } from '../metrics/metrics.ts';
import { createProxy } from '../proxy/proxy.ts';
import { startStandIn, type StandIn } from '../proxy/test-servers.ts';
import { ADL_RISK_PATH } from '../../src/core/upstream.ts';
import { startHistoryThread } from './history-thread.ts';

const dir = mkdtempSync(join(tmpdir(), 'history-thread-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;
const file = () => join(dir, `h${(n += 1)}.sqlite`);

const open: { close: () => Promise<void> }[] = [];
afterEach(async () => {
  for (const thing of open.splice(0).reverse()) await thing.close();
});

/** The production wiring (loadHistory) in front of a stand-in upstream, served on 127.0.0.1. */
async function serve(
  historyDb: string,
  options: {
    restartMs?: number;
    adlEveryMs?: number;
    reply?: Parameters<StandIn['answer']>[0];
  } = {},
) {
  const upstream: StandIn = await startStandIn();
  open.push(upstream);
  if (options.reply) upstream.answer(options.reply);
  const config = { ...readConfig({}), upstream: upstream.url, historyDb, recordEveryMs: 0 };
  const proxy = createProxy({ upstream: upstream.url, cacheTtlMs: 5_000, log: () => undefined });
  const lines: string[] = [];
  const thread = startHistoryThread({
    settings: { historyDb, everyMs: 0, adlEveryMs: options.adlEveryMs ?? 0 },
    log: (line) => lines.push(line),
    restartMs: { first: options.restartMs ?? 1_000, max: options.restartMs ?? 1_000 },
  });
  const parts = await loadHistory(config, proxy, () => undefined, thread);
  open.push(parts);
  const server: Server = createServer((req, res) =>
    parts.routes(req, res, () => res.writeHead(404).end('next')),
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  open.push({ close: () => new Promise((resolve) => server.close(() => resolve())) });
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    upstream,
    proxy,
    parts,
    thread,
    lines,
    get: (path: string, init?: RequestInit) => fetch(base + path, init),
  };
}

async function filledStore(path: string) {
  const store = openSqliteAdapter({ path });
  for (let i = 0; i < 40; i += 1) {
    const t = 1_764_633_600_000 + i * 60_000;
    await record(store, {
      observedAt: t,
      pools: [pool(['BTCUSDT', 'ETHUSDT'], ['USDT', `${100 + i}.5`, t])],
    });
  }
  await store.close();
}

describe('the history in a worker thread', () => {
  it('answers the history routes from the worker, compressed when the client takes it', async () => {
    const path = file();
    await filledStore(path);
    const { get } = await serve(path);
    const plain = await get('/api/history?symbol=btcusdt');
    expect(plain.status).toBe(200);
    expect(plain.headers.get('cache-control')).toBe('no-store');
    const body = (await plain.json()) as { symbol: string; series: { points: unknown[] }[] };
    expect(body.symbol).toBe('BTCUSDT');
    expect(body.series[0]?.points).toHaveLength(40);

    const raw = await get('/api/history?symbol=BTCUSDT', {
      headers: { 'accept-encoding': 'gzip' },
    });
    expect(raw.headers.get('content-encoding')).toBe('gzip');
    // (fetch takes the gzip off again)
    expect(await raw.json()).toEqual(body);

    expect((await get('/api/history?symbol=BTCUSDT&points=0')).status).toBe(400);
    expect((await get('/api/overview')).status).toBe(200);
    expect(await (await get('/api/history-of-nothing')).text()).toBe('next');
    expect((await get('/api/history', { method: 'POST' })).status).toBe(405);
  });

  it('records the pool list the main thread’s proxy gives it, sharing the proxy’s cache', async () => {
    const { upstream, proxy, parts, thread, get } = await serve(file());
    const list = JSON.stringify([pool(['AUSDT', 'BUSDT'], ['USDT', '12.5', 1_000])]);
    upstream.answer((url) => ({ status: 200, body: url.includes('assetIndex') ? '[]' : list }));
    expect((await proxy.poolList()).status).toBe(200);
    await thread.recordOnce();
    const pools = upstream.seen.filter((s) => s.url.startsWith('/fapi/v1/insuranceBalance'));
    expect(pools).toHaveLength(1);
    const history = await (await get('/api/history?symbol=BUSDT')).json();
    expect(history).toMatchObject({
      series: [{ asset: 'USDT', points: [{ t: 1_000, balance: '12.5' }] }],
    });
    expect(parts.status()).toMatchObject({
      state: 'ok',
      worker: 'running',
      lastRecordingAt: expect.any(Number),
    });
  });

  it('records the ADL risk ratings the main thread takes on their own timer, and says when they fail', async () => {
    const ratings = JSON.stringify([{ symbol: 'BTCUSDT', adlRisk: 'high', updateTime: 5_000 }]);
    const ok = await serve(file(), {
      adlEveryMs: 3_600_000,
      reply: (url) => ({ status: 200, body: url.startsWith(ADL_RISK_PATH) ? ratings : '[]' }),
    });
    const adlOf = async (get: typeof ok.get) =>
      (await (await get('/api/adl')).json()) as {
        recording: boolean;
        checkedAt: number | null;
        unavailableSince: number | null;
        reason: string | null;
        ratings: unknown[];
      };
    let answer = await adlOf(ok.get);
    for (let tries = 0; tries < 100 && answer.ratings.length === 0; tries += 1) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      answer = await adlOf(ok.get);
    }
    expect(answer).toMatchObject({
      recording: true,
      checkedAt: expect.any(Number),
      unavailableSince: null,
      ratings: [{ symbol: 'BTCUSDT', adlRisk: 'high', updateTime: 5_000 }],
    });
    // Its own timer: the pool list's (off here) took nothing.
    expect(ok.upstream.seen.map((s) => s.url)).toEqual([ADL_RISK_PATH]);
    // The main thread keeps that reading for /metrics: a scrape asks the exchange for no rating.
    expect(ok.parts.latestAdl?.()).toEqual([
      { symbol: 'BTCUSDT', level: 'high', updateTime: 5_000 },
    ]);
    const metrics = createMetrics({ proxy: ok.proxy, ratings: () => ok.parts.latestAdl?.() ?? [] });
    expect(await metrics.text()).toContain('insurance_adl_rating{symbol="BTCUSDT"} 2');
    expect(ok.upstream.seen.filter((s) => s.url.startsWith(ADL_RISK_PATH))).toHaveLength(1);

    const failing = await serve(file(), {
      reply: (url) => ({
        status: url.startsWith(ADL_RISK_PATH) ? 404 : 200,
        body: url.startsWith(ADL_RISK_PATH) ? '{"code":-5,"msg":"Not found."}' : '[]',
      }),
    });
    await failing.thread.recordAdlOnce();
    expect(await adlOf(failing.get)).toMatchObject({
      recording: false,
      unavailableSince: expect.any(Number),
      reason: 'the exchange answered 404',
      ratings: [],
    });
    expect(failing.parts.latestAdl?.()).toEqual([]);
  });

  it('answers 503 in words while the worker is down, says so in health, and starts it again', async () => {
    const path = file();
    await filledStore(path);
    const { parts, thread, lines, get } = await serve(path, { restartMs: 300 });
    await thread.worker()!.terminate();
    const down = await get('/api/history?symbol=BTCUSDT');
    expect(down.status).toBe(503);
    expect(((await down.json()) as { msg: string }).msg).toMatch(
      /history is not available right now \(the history worker stopped.*live data is not affected/,
    );
    expect(parts.status()).toMatchObject({ state: 'degraded', worker: 'down' });
    expect(lines.join('\n')).toMatch(/history worker stopped .*starts again in 0.3 s/);
    for (let tries = 0; tries < 100 && parts.status().worker !== 'running'; tries += 1)
      await new Promise((resolve) => setTimeout(resolve, 100));
    expect(parts.status()).toMatchObject({ state: 'ok', worker: 'running' });
    expect((await get('/api/history?symbol=BTCUSDT')).status).toBe(200);
  });

  it('closes while a recording waits on the upstream: the store is let go and the thread ends', async () => {
    const path = file();
    const { upstream, thread } = await serve(path);
    let answered = false;
    upstream.answer(() => {
      setTimeout(() => (answered = true), 1_500);
      return { status: 200, body: '[]', delayMs: 1_500 };
    });
    void thread.recordOnce();
    while (upstream.seen.length === 0) await new Promise((resolve) => setTimeout(resolve, 20));
    await thread.close();
    expect(answered).toBe(false);
    expect(thread.worker()).toBeNull();
    const again = openSqliteAdapter({ path });
    expect(again.info().role).toBe('writer');
    await again.close();
  });
});
