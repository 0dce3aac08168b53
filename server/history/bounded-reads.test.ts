import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { historyAnswerSchema, overviewAnswerSchema } from '../../src/core/history.ts';
import type { HistoryAdapter, HistoryReader } from './adapter.ts';
import { DEFAULT_POINTS } from './history-query.ts';
import { answerOverview } from './overview-query.ts';
import { recordSnapshot } from './record-snapshot.ts';
import { historyRoutes } from './routes.ts';
import { openSqliteAdapter } from './sqlite/sqlite-adapter.ts';
import { pool } from './test-store-suite.ts';

const dir = mkdtempSync(join(tmpdir(), 'history-bounded-'));
const T0 = 1_764_633_600_000;
const SNAPSHOTS = 1_500;
/** CUSDT moves between the two pools every this many snapshots. */
const MOVE_EVERY = 50;
let store: HistoryAdapter;
const servers: Server[] = [];

beforeAll(async () => {
  store = openSqliteAdapter({ path: join(dir, 'h.sqlite') });
  await store.write(async (tx) => {
    for (let i = 0; i < SNAPSHOTS; i += 1) {
      const t = T0 + i * 60_000;
      const withA = Math.floor(i / MOVE_EVERY) % 2 === 0;
      await recordSnapshot(
        tx,
        {
          observedAt: t,
          pools: [
            pool(withA ? ['AUSDT', 'CUSDT'] : ['AUSDT'], ['USDT', `${1000 + (i % 13)}.5`, t]),
            pool(withA ? ['BUSDT'] : ['BUSDT', 'CUSDT'], ['USDT', `${50 + (i % 7)}.25`, t]),
          ],
        },
        { gapMs: 180_000, fillBudget: 0 },
      );
    }
  });
});
afterAll(async () => {
  for (const s of servers) await new Promise((r) => s.close(r));
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

/** The store with every read counted by name. */
function counted(db: HistoryReader) {
  const calls: Record<string, number> = {};
  const reader = new Proxy(db, {
    get(target, name, receiver) {
      const value = Reflect.get(target, name, receiver) as unknown;
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        calls[String(name)] = (calls[String(name)] ?? 0) + 1;
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
  return { reader, calls, total: () => Object.values(calls).reduce((a, b) => a + b, 0) };
}

async function serve(db: HistoryReader, limits = {}) {
  const routes = historyRoutes(db, Date.now, limits);
  const server = createServer((req, res) => routes(req, res, () => res.writeHead(418).end()));
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { routes, get: (path: string, init?: RequestInit) => fetch(base + path, init) };
}

describe('history reads that are always bounded', () => {
  it('thins a history asked without a range or a number of points to the default', async () => {
    const { get } = await serve(store);
    const plain = z.parse(
      historyAnswerSchema,
      await (await get('/api/history?symbol=AUSDT')).json(),
    );
    expect(plain.series[0]!.points.length).toBeLessThanOrEqual(DEFAULT_POINTS);
    expect(plain.thinned).toBe(true);
    const all = z.parse(
      historyAnswerSchema,
      await (await get('/api/history?symbol=AUSDT&points=5000')).json(),
    );
    expect(all.series[0]!.points).toHaveLength(SNAPSHOTS);
  });

  it('computes the overview once for every spark asked, each the sparkline computed for it', async () => {
    const { reader, calls } = counted(store);
    const { get } = await serve(reader);
    for (const spark of [3, 10, 24, 48, 500, 7, 3]) {
      const res = await get(`/api/overview?spark=${spark}`);
      const answer = z.parse(overviewAnswerSchema, await res.json());
      const direct = await answerOverview(store, spark);
      expect(answer.pools.map((p) => p.assets.map((a) => a.spark))).toEqual(
        direct.pools.map((p) => p.assets.map((a) => a.spark)),
      );
      for (const p of answer.pools)
        for (const a of p.assets) expect(a.spark.length).toBeLessThanOrEqual(spark);
    }
    expect(calls.membershipsAt).toBe(1);
  });

  it('finds every regrouping of the whole history in a few queries, not one per membership', async () => {
    const { reader, calls, total } = counted(store);
    const { get } = await serve(reader);
    const answer = (await (await get('/api/events?from=0&limit=1000')).json()) as {
      events: { kind: string; symbols: string[] }[];
    };
    const moved = answer.events.filter((e) => e.kind === 'moved');
    expect(moved.length).toBe(Math.floor((SNAPSHOTS - 1) / MOVE_EVERY));
    for (const e of moved) expect(e.symbols).toEqual(['CUSDT']);
    expect(calls.observationNeighbours ?? 0).toBeLessThanOrEqual(1);
    // About 60 memberships: a query for each would be well past this.
    expect(total()).toBeLessThanOrEqual(12);
  });
});

describe('history requests that are always bounded', () => {
  it('answers busy past its limit, and stops a request whose client left, freeing its slot', async () => {
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    let entered!: () => void;
    const inStore = new Promise<void>((r) => (entered = r));
    const slow = new Proxy(store, {
      get(target, name, receiver) {
        const value = Reflect.get(target, name, receiver) as unknown;
        if (name !== 'symbolId' || typeof value !== 'function') return value;
        return async (...args: unknown[]) => {
          entered();
          await held;
          return (value as (...a: unknown[]) => unknown).apply(target, args);
        };
      },
    });
    const { routes, get } = await serve(slow, { maxJobs: 1 });
    const leaving = new AbortController();
    const first = get('/api/history?symbol=AUSDT', { signal: leaving.signal }).catch(() => 'left');
    await inStore;
    const busy = await get('/api/overview');
    expect(busy.status).toBe(503);
    expect(busy.headers.get('retry-after')).toBe('5');
    expect(await busy.json()).toEqual({ code: 503, msg: expect.stringMatching(/busy.*try again/) });
    leaving.abort();
    expect(await first).toBe('left');
    // The server hears of it: the job is cancelled, and stops at its next step.
    for (let i = 0; i < 200 && routes.stats().cancelled === 0; i += 1)
      await new Promise((r) => setTimeout(r, 10));
    release();
    for (let i = 0; i < 200 && routes.stats().running > 0; i += 1)
      await new Promise((r) => setTimeout(r, 10));
    expect(routes.stats()).toMatchObject({ running: 0, cancelled: 1, aborted: 1 });
    expect((await get('/api/overview')).status).toBe(200);
  });
});
