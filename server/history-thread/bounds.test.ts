import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, get as httpGet, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoHistory } from '../demo/history-seed.ts';
import { openSqliteAdapter } from '../history/sqlite/sqlite-adapter.ts';
import type { ForwardLimits } from './forward-routes.ts';
import { startHistoryThread } from './history-thread.ts';
import { threadParts, withoutWhereabouts } from './thread-parts.ts';

const dir = mkdtempSync(join(tmpdir(), 'history-bounds-'));
const file = join(dir, 'h.sqlite');
let snapshots = 0;
beforeAll(async () => {
  // Three days of the demo every 5 minutes: an export of several megabytes, more than the
  // sockets between a client and the server hold when the client stops reading.
  const store = openSqliteAdapter({ path: file });
  const seeded = seedDemoHistory({ store, days: 3 });
  await seeded.filled;
  snapshots = seeded.snapshots;
  await store.close();
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const open: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const close of open.splice(0).reverse()) await close();
});

async function serve(limits: Partial<ForwardLimits>, settings = { historyDb: file, everyMs: 0 }) {
  const lines: string[] = [];
  const thread = startHistoryThread({
    settings,
    log: (line) => lines.push(line),
    restartMs: { first: 50, max: 50 },
  });
  await thread.started;
  const parts = threadParts(thread, limits);
  open.push(() => thread.close());
  const server: Server = createServer((req, res) =>
    parts.routes(req, res, () => res.writeHead(404).end()),
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  open.push(
    () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(resolve);
      }),
  );
  const port = (server.address() as AddressInfo).port;
  /** A download whose client takes the head and then reads nothing more. */
  const stalled = () =>
    new Promise<IncomingMessage>((resolve, reject) => {
      const req = httpGet({ host: '127.0.0.1', port, path: '/api/history/export' }, (res) => {
        res.pause();
        resolve(res);
      });
      req.on('error', reject);
    });
  return { thread, parts, lines, port, stalled, base: `http://127.0.0.1:${port}` };
}

async function until(check: () => boolean) {
  for (let i = 0; i < 400 && !check(); i += 1) await new Promise((r) => setTimeout(r, 25));
  expect(check()).toBe(true);
}

describe('the history thread’s bounds', () => {
  it('drops a download whose client stopped reading, and frees its slot for the next', async () => {
    const { parts, stalled, base } = await serve({ stallMs: 300 });
    const held = [await stalled(), await stalled()];
    open.push(async () => held.forEach((res) => res.destroy()));
    for (const res of held) expect(res.statusCode).toBe(200);
    const refused = await fetch(`${base}/api/history/export`);
    expect(refused.status).toBe(503);
    expect(refused.headers.get('retry-after')).toBe('10');
    expect(await refused.json()).toEqual({ code: 503, msg: expect.stringMatching(/try again/) });
    await until(() => parts.routes.stats().dropped === 2 && parts.routes.stats().running === 0);
    const next = await fetch(`${base}/api/history/export`);
    expect(next.status).toBe(200);
    expect((await next.text()).trimEnd().split('\n')).toHaveLength(snapshots);
  }, 60_000);

  it('stops a request in the thread when its client leaves, and frees its slot', async () => {
    const { parts, stalled, base } = await serve({ maxJobs: 1 });
    const res = await stalled();
    expect(parts.routes.stats().running).toBe(1);
    expect((await fetch(`${base}/api/overview`)).status).toBe(503);
    res.destroy();
    await until(() => parts.routes.stats().running === 0);
    expect(parts.routes.stats()).toMatchObject({ cancelled: 1, aborted: 1 });
    expect((await fetch(`${base}/api/overview`)).status).toBe(200);
  }, 30_000);

  it('says once that it cannot start with settings that cannot work, and does not try again', async () => {
    const { thread, parts, lines, base } = await serve({}, {
      historyDb: file,
      everyMs: 0,
      databaseUrl: 'mysql://root:secret@db.office/h',
    } as never);
    expect(thread.status().down).toMatch(/cannot start: DATABASE_URL must/);
    const res = await fetch(`${base}/api/history?symbol=BTCUSDT`);
    expect(res.status).toBe(503);
    expect(((await res.json()) as { msg: string }).msg).toMatch(/cannot start: DATABASE_URL/);
    // Several restart pauses later, still no second start.
    await new Promise((r) => setTimeout(r, 300));
    expect(thread.worker()).toBeNull();
    expect(lines.filter((l) => /cannot start/.test(l))).toHaveLength(1);
    expect(lines.join('\n')).not.toMatch(/starts again/);
    expect(JSON.stringify(parts.status())).not.toMatch(/secret|root|db\.office/);
  });

  it('shows the store’s kind and state in health, never its file or database', async () => {
    const { parts } = await serve({});
    const health = JSON.stringify(parts.status());
    expect(health).toContain('"kind":"sqlite"');
    expect(health).not.toContain(dir);
    expect(health).not.toContain('location');
    const postgres = withoutWhereabouts(
      {
        store: {
          kind: 'postgres',
          location: 'postgres://alice@db.office:5432/funds',
          state: 'degraded',
          reason:
            'PostgreSQL at db.office:5432 refused the password of user "alice": check DATABASE_URL',
        },
        lastError: 'recording failed: the database "funds" does not exist on db.office:5432',
      },
      { historyDb: 'x', everyMs: 0, databaseUrl: 'postgres://alice:pw@db.office:5432/funds' },
    );
    expect(JSON.stringify(postgres)).not.toMatch(/alice|db\.office|funds|pw|location/);
    expect(postgres).toMatchObject({ store: { kind: 'postgres', state: 'degraded' } });
  });
});
