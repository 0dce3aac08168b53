import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  eventsAnswerSchema,
  historyAnswerSchema,
  overviewAnswerSchema,
} from '../../src/core/history.ts';
import { momentAnswerSchema, momentRangeSchema } from '../../src/core/moment.ts';
import type { HistoryAdapter } from './adapter.ts';
import { alertsAnswerSchema } from '../../src/core/alerts.ts';
import { historyAnswers, historyRoutes } from './routes.ts';
import { openSqliteAdapter } from './sqlite/sqlite-adapter.ts';
import { pool, record } from './test-store-suite.ts';
import * as z from 'zod/mini';

const dir = mkdtempSync(join(tmpdir(), 'history-routes-'));
let store: HistoryAdapter;
let server: Server;
let base: string;

beforeAll(async () => {
  store = openSqliteAdapter({ path: join(dir, 'h.sqlite') });
  for (let i = 0; i < 30; i += 1) {
    const t = 1_764_633_600_000 + i * 60_000;
    const balance = i === 20 ? '80.5' : `${100 + i}.25`;
    await record(store, {
      observedAt: t,
      pools: [
        pool(['BTCUSDT', 'ETHUSDT'], ['USDT', balance, t]),
        pool(['币安人生USDT'], ['USDT', '7', t]),
      ],
    });
  }
  const routes = historyRoutes(store);
  server = createServer((req, res) => routes(req, res, () => res.writeHead(418).end('next')));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((r) => server.close(r));
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

const get = async (path: string) => {
  const res = await fetch(base + path);
  return {
    status: res.status,
    headers: res.headers,
    body: (await res.json().catch(() => null)) as Record<string, unknown>,
  };
};

describe('the history API', () => {
  it('answers the history of a symbol in any case, not cached, in the contract shape', async () => {
    const { status, headers, body } = await get('/api/history?symbol=btcusdt');
    expect(status).toBe(200);
    expect(headers.get('cache-control')).toBe('no-store');
    const answer = z.parse(historyAnswerSchema, body);
    expect(answer.symbol).toBe('BTCUSDT');
    expect(answer.series[0]?.points).toHaveLength(30);
    expect(answer.pools).toEqual([
      { from: 1_764_633_600_000, to: null, symbols: ['BTCUSDT', 'ETHUSDT'] },
    ]);
  });

  it('answers a symbol written in another script', async () => {
    const { status, body } = await get(`/api/history?symbol=${encodeURIComponent('币安人生USDT')}`);
    expect(status).toBe(200);
    expect(body.symbol).toBe('币安人生USDT');
  });

  it('thins to the points asked for', async () => {
    const { body } = await get('/api/history?symbol=BTCUSDT&points=5');
    const answer = z.parse(historyAnswerSchema, body);
    expect(answer.series[0]!.points.length).toBeLessThanOrEqual(5);
    expect(answer.thinned).toBe(true);
  });

  it.each([
    ['/api/history', /symbol is required/],
    ['/api/history?symbol=BTC%20USDT', /not a futures symbol/],
    ['/api/history?symbol=BTCUSDT&symbol=ETHUSDT', /more than once/],
    ['/api/history?symbol=BTCUSDT&points=0', /points must be at least 1/],
    ['/api/history?symbol=BTCUSDT&points=5001', /points must be at most 5000/],
    ['/api/history?symbol=BTCUSDT&from=yesterday', /from must be a whole number/],
    ['/api/history?symbol=BTCUSDT&from=10&to=5', /from must not be after to/],
    ['/api/history?symbol=BTCUSDT&color=red', /unknown parameter color/],
    ['/api/overview?spark=-1', /spark must be a whole number/],
    ['/api/events?limit=100000', /limit must be at most/],
  ])('refuses %s with 400 and words', async (path, msg) => {
    const { status, body } = await get(path);
    expect(status).toBe(400);
    expect(body).toEqual({ code: 400, msg: expect.stringMatching(msg) });
  });

  it('answers 404 with words for a symbol the history never saw', async () => {
    const { status, body } = await get('/api/history?symbol=NEVERUSDT');
    expect(status).toBe(404);
    expect(body.msg).toMatch(/NEVERUSDT was never seen/);
  });

  it('gives the overview of the latest pools with their changes', async () => {
    const { status, body } = await get('/api/overview?spark=10');
    expect(status).toBe(200);
    const answer = z.parse(overviewAnswerSchema, body);
    const btc = answer.pools.find((p) => p.follows === 'BTCUSDT')!;
    expect(btc.assets[0]!.latest.balance).toBe('129.25');
    expect(btc.assets[0]!.ref['1h']).toBeNull();
    expect(btc.assets[0]!.peak7d?.balance).toBe('129.25');
    expect(btc.interval).toBe(60_000);
  });

  it('lists the drop as an event, newest first', async () => {
    const { body } = await get('/api/events');
    const answer = z.parse(eventsAnswerSchema, body);
    expect(answer.events).toContainEqual(
      expect.objectContaining({
        kind: 'drop',
        asset: 'USDT',
        before: '119.25',
        after: '80.5',
        pool: ['BTCUSDT', 'ETHUSDT'],
      }),
    );
  });

  it('answers a past moment and its range through the same table, in words when refused', async () => {
    const at = 1_764_633_600_000 + 20 * 60_000 + 30_000;
    const moment = await get(`/api/snapshot?at=${at}`);
    expect(moment.status).toBe(200);
    const answer = z.parse(momentAnswerSchema, moment.body);
    expect(answer.observedAt).toBe(1_764_633_600_000 + 20 * 60_000);
    expect(answer.answer[0]?.assets[0]?.marginBalance).toBe('80.5');
    const range = await get('/api/snapshot/range');
    expect(range.status).toBe(200);
    expect(z.parse(momentRangeSchema, range.body).first).toBe(1_764_633_600_000);
    const bad = await get('/api/snapshot?at=yesterday');
    expect(bad.status).toBe(400);
    expect(bad.body.msg).toMatch(/at must be a moment/);
    const before = await get('/api/snapshot?at=2020-01-01T00:00Z');
    expect(before.status).toBe(404);
    expect(before.body.msg).toMatch(/the first recording is 2025-12-02T00:00:00.000Z/);
  });

  it('answers /api/alerts from the table: no rules without the thread’s alerts, else theirs', async () => {
    const res = await fetch(`${base}/api/alerts`);
    expect(res.status).toBe(200);
    expect(alertsAnswerSchema.parse(await res.json())).toEqual({
      rules: [],
      active: [],
      recent: [],
      problem: null,
    });
    const failing = historyAnswers(store, Date.now, undefined, () =>
      Promise.reject(new Error('the disk is full')),
    );
    expect(await failing('/api/alerts', new URLSearchParams())).toEqual({
      status: 503,
      body: { code: 503, msg: 'the alerts cannot be read right now: the disk is full' },
    });
  });

  it('leaves every other path to the next handler', async () => {
    const res = await fetch(`${base}/api/health`);
    expect(res.status).toBe(418);
  });
});
