import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HistoryAdapter } from './adapter.ts';
import { exportLines } from './export-lines.ts';
import { MAX_EXPORTS } from './export-route.ts';
import { importLines, parseHistoryFile } from './import-lines.ts';
import { historyRoutes } from './routes.ts';
import { openSqliteAdapter } from './sqlite/sqlite-adapter.ts';
import { pool, record } from './test-store-suite.ts';

const T0 = 1_764_633_600_000;
const NOW = Date.UTC(2026, 11, 2, 6, 30, 5);
const dir = mkdtempSync(join(tmpdir(), 'history-export-'));
const servers: Server[] = [];
let store: HistoryAdapter;

async function serve(db: HistoryAdapter): Promise<string> {
  const routes = historyRoutes(db, () => NOW);
  const server = createServer((req, res) => routes(req, res, () => res.writeHead(418).end()));
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

let base: string;
beforeAll(async () => {
  store = openSqliteAdapter({ path: join(dir, 'h.sqlite') });
  for (let i = 0; i < 1_200; i += 1) {
    // a gap of an hour after the 600th snapshot
    const t = T0 + i * 60_000 + (i >= 600 ? 3_600_000 : 0);
    await record(store, {
      observedAt: t,
      pools: [
        pool(['BTCUSDT', 'ETHUSDT'], ['USDT', `${1000 + i}.5`, t]),
        pool(['币安人生USDT'], ['USDT', '7', T0]),
      ],
    });
  }
  base = await serve(store);
});
afterAll(async () => {
  for (const s of servers) await new Promise((r) => s.close(r));
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

async function lines(db: HistoryAdapter, from?: number, to?: number) {
  const out: string[] = [];
  for await (const line of exportLines(db, from, to)) out.push(JSON.stringify(line));
  return out;
}

describe('GET /api/history/export', () => {
  it('downloads the whole history as the lines `npm run history -- export` writes', async () => {
    const res = await fetch(`${base}/api/history/export`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/x-ndjson; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe(
      'attachment; filename="insurance-fund-history-2026-12-02T06-30-05Z.jsonl"',
    );
    expect(res.headers.get('cache-control')).toBe('no-store');
    const text = await res.text();
    expect(text.endsWith('\n')).toBe(true);
    expect(text.trimEnd().split('\n')).toEqual(await lines(store));
    expect(text.trimEnd().split('\n')).toHaveLength(1_200);
  });

  it('gives a file that imports into an empty history with its gap where it was', async () => {
    const text = await (await fetch(`${base}/api/history/export`)).text();
    const copy = openSqliteAdapter({ path: join(dir, 'copy.sqlite') });
    try {
      await importLines(copy, parseHistoryFile(text));
      expect(await lines(copy)).toEqual(await lines(store));
      expect(await copy.coverage(0, Number.MAX_SAFE_INTEGER)).toHaveLength(2);
    } finally {
      await copy.close();
    }
  });

  it('narrows the download to from and to, in ms', async () => {
    const from = T0 + 10 * 60_000;
    const to = T0 + 19 * 60_000;
    const text = await (await fetch(`${base}/api/history/export?from=${from}&to=${to}`)).text();
    const got = text.trimEnd().split('\n');
    expect(got).toHaveLength(10);
    expect(got).toEqual(await lines(store, from, to));
  });

  it('answers an empty range with an empty file, not an error', async () => {
    const res = await fetch(`${base}/api/history/export?from=1&to=2`);
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('');
  });

  it('refuses a bad range in words', async () => {
    for (const [query, words] of [
      ['from=5&to=4', 'from must not be after to'],
      ['from=yesterday', 'from must be a whole number'],
      ['to=1&to=2', 'to is given more than once'],
      ['symbol=BTCUSDT', 'unknown parameter symbol'],
    ] as const) {
      const res = await fetch(`${base}/api/history/export?${query}`);
      expect(res.status, query).toBe(400);
      expect(((await res.json()) as { msg: string }).msg, query).toContain(words);
    }
  });

  it('answers HEAD with the headers alone, and refuses other methods', async () => {
    const head = await fetch(`${base}/api/history/export`, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.headers.get('content-disposition')).toMatch(/^attachment;/);
    expect(await head.text()).toBe('');
    const post = await fetch(`${base}/api/history/export`, { method: 'POST' });
    expect(post.status).toBe(405);
    expect(post.headers.get('allow')).toBe('GET, HEAD');
  });

  it('runs a bounded number of exports at once and asks a further one to come back', async () => {
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    let entered = 0;
    let allIn!: () => void;
    const inStore = new Promise<void>((r) => (allIn = r));
    const slow = new Proxy(store, {
      get(target, name, receiver) {
        const value = Reflect.get(target, name, receiver) as unknown;
        if (name !== 'observations' || typeof value !== 'function') return value;
        return async (...args: unknown[]) => {
          entered += 1;
          if (entered === MAX_EXPORTS) allIn();
          await held;
          return (value as (...a: unknown[]) => unknown).apply(target, args);
        };
      },
    });
    const slowBase = await serve(slow);
    const running = Array.from({ length: MAX_EXPORTS }, () =>
      fetch(`${slowBase}/api/history/export`),
    );
    await inStore;
    const refused = await fetch(`${slowBase}/api/history/export`);
    expect(refused.status).toBe(503);
    expect(refused.headers.get('retry-after')).toBe('10');
    expect(((await refused.json()) as { msg: string }).msg).toContain('try again');
    release();
    for (const r of await Promise.all(running)) {
      expect(r.status).toBe(200);
      expect((await r.text()).trimEnd().split('\n')).toHaveLength(1_200);
    }
    const after = await fetch(`${slowBase}/api/history/export?from=1&to=2`);
    expect(after.status).toBe(200);
  });

  it.each(['jsonl', 'csv', 'json'])(
    'cuts a %s download when the store fails after the first snapshot, so no half file looks whole',
    async (format) => {
      let calls = 0;
      const failing = new Proxy(store, {
        get(target, name, receiver) {
          const value = Reflect.get(target, name, receiver) as unknown;
          if (name !== 'observations' || typeof value !== 'function') return value;
          return (...args: unknown[]) =>
            (calls += 1) === 1
              ? (value as (...a: unknown[]) => unknown).apply(target, args)
              : Promise.reject(new Error('disk I/O error'));
        },
      });
      const res = await fetch(`${await serve(failing)}/api/history/export?format=${format}`);
      expect(res.status).toBe(200);
      await expect(res.text()).rejects.toThrow();
      expect(calls).toBe(2);
    },
  );

  it('says in words that the history cannot be read when the store fails', async () => {
    const broken = new Proxy(store, {
      get(target, name, receiver) {
        if (name === 'observations') return () => Promise.reject(new Error('disk I/O error'));
        return Reflect.get(target, name, receiver) as unknown;
      },
    });
    const res = await fetch(`${await serve(broken)}/api/history/export`);
    expect(res.status).toBe(503);
    expect(((await res.json()) as { msg: string }).msg).toBe(
      'the history cannot be read right now: disk I/O error',
    );
  });
});
