import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, expect, it } from 'vitest';
import { answerHistory } from '../history-query.ts';
import { historyRoutes } from '../routes.ts';
import { createRecorder } from '../recorder.ts';
import { openPostgresAdapter, type PostgresAdapter } from './postgres-adapter.ts';
import { describeWithPostgres } from './test-with-postgres.ts';

/** Polls (bounded) until the store says it is ok again. */
async function untilOk(store: PostgresAdapter) {
  for (let i = 0; i < 400 && store.info().state !== 'ok'; i += 1)
    await new Promise((r) => setTimeout(r, 25));
  return store.info();
}

describeWithPostgres('the PostgreSQL store when the database fails', (cluster) => {
  const open: PostgresAdapter[] = [];
  const lines: string[] = [];
  const adapter = (url: string) => {
    const a = openPostgresAdapter({
      url,
      log: (l) => lines.push(l),
      retryMs: { first: 20, max: 100 },
      connectTimeoutMs: 2_000,
    });
    open.push(a);
    return a;
  };
  afterEach(async () => {
    cluster().resume();
    for (const a of open.splice(0)) await a.close();
    lines.length = 0;
  });

  it('starts without the database, says why in words, and reconnects by itself', async () => {
    const url = await cluster().createDatabase();
    cluster().pause();
    const store = adapter(url);
    await store.ready();
    const info = store.info();
    expect(info).toMatchObject({ kind: 'postgres', role: 'writer', state: 'degraded' });
    expect(info.reason).toMatch(/^PostgreSQL at 127\.0\.0\.1:\d+ refuses connections/);
    await expect(store.observationBounds()).rejects.toThrow(/refuses connections/);
    await expect(store.write((tx) => tx.insertObservation(1))).rejects.toThrow(
      /refuses connections/,
    );
    // The store's own attempts to reconnect log the loss, once.
    for (let i = 0; i < 200 && !lines.some((l) => /refuses/.test(l)); i += 1)
      await new Promise((r) => setTimeout(r, 10));
    cluster().resume();
    expect(await untilOk(store)).toMatchObject({ state: 'ok' });
    await store.write((tx) => tx.insertObservation(1));
    expect(await store.observations(0, 10, 10)).toEqual([1]);
    expect(lines.filter((l) => /refuses connections/.test(l))).toHaveLength(1);
    expect(lines.at(-1)).toMatch(/answers again/);
  });

  it('keeps every acknowledged write when the database goes away mid-transaction and comes back', async () => {
    const store = adapter(await cluster().createDatabase());
    await store.write((tx) => tx.insertObservation(1));
    await expect(
      store.write(async (tx) => {
        await tx.insertObservation(2);
        cluster().pause();
        await tx.insertObservation(3);
      }),
    ).rejects.toThrow(/PostgreSQL at 127\.0\.0\.1:\d+/);
    expect(store.info().state).toBe('degraded');
    cluster().resume();
    expect(await untilOk(store)).toMatchObject({ state: 'ok' });
    await store.write((tx) => tx.insertObservation(4));
    expect(await store.observations(0, 10, 10)).toEqual([1, 4]);
  });

  it('shows an outage of the database as a gap in coverage and keeps what came before', async () => {
    const store = adapter(await cluster().createDatabase());
    let clock = 0;
    const recorder = createRecorder({
      store,
      everyMs: 60_000,
      now: () => clock,
      poolList: async () => ({
        status: 200,
        demo: false,
        fetchedAt: clock,
        body: JSON.stringify([
          {
            symbols: ['AUSDT'],
            assets: [
              { asset: 'USDT', marginBalance: `${1000 + clock / 60_000}.5`, updateTime: clock },
            ],
          },
        ]),
      }),
    });
    const tick = async () => {
      await recorder.recordOnce();
      clock += 60_000;
    };
    for (let i = 0; i < 3; i += 1) await tick();
    cluster().pause();
    for (let i = 0; i < 30; i += 1) await tick();
    expect(recorder.status().store.state).toBe('degraded');
    cluster().resume();
    await untilOk(store);
    await tick();
    const answer = await answerHistory(store, { symbol: 'AUSDT', from: 0, to: clock });
    expect(answer?.coverage.length).toBe(2);
    expect(answer?.coverage[0]).toEqual([0, 120_000]);
    expect(answer?.coverage[1]?.[1]).toBe(clock - 60_000);
    expect(answer?.series[0]?.points.slice(0, 3)).toEqual([
      { t: 0, balance: '1000.5' },
      { t: 60_000, balance: '1001.5' },
      { t: 120_000, balance: '1002.5' },
    ]);
    expect(recorder.status()).toMatchObject({ pending: 0, store: { state: 'ok' } });
  });

  it('answers the history API with a 503 in words while the database is away, and the history once it is back', async () => {
    const store = adapter(await cluster().createDatabase());
    await store.write((tx) => tx.insertObservation(1));
    const routes = historyRoutes(store);
    const server = createServer((req, res) =>
      routes(req, res, () => res.writeHead(404).end('live data goes on')),
    );
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      cluster().pause();
      const down = await fetch(`${base}/api/history?symbol=BTCUSDT`);
      expect(down.status).toBe(503);
      expect(((await down.json()) as { msg: string }).msg).toMatch(
        /^the history cannot be read right now: PostgreSQL at 127\.0\.0\.1:\d+ refuses connections/,
      );
      expect(await (await fetch(`${base}/other`)).text()).toBe('live data goes on');
      cluster().resume();
      await untilOk(store);
      expect((await fetch(`${base}/api/history?symbol=BTCUSDT`)).status).toBe(404);
    } finally {
      server.close();
    }
  });

  it('names a wrong password and never shows it', async () => {
    await cluster().requirePassword('history_pw', 'right horse');
    const base = await cluster().createDatabase({ owner: 'history_pw' });
    const wrong = base.replace('postgres@', 'history_pw:wrong-battery@');
    const store = adapter(wrong);
    await store.ready();
    const info = store.info();
    expect(info.reason).toBe(
      `PostgreSQL at 127.0.0.1:${cluster().port} refused the password of user "history_pw": check DATABASE_URL`,
    );
    expect(info.location).toBe(base.replace('postgres@', 'history_pw@'));
    expect(JSON.stringify([info, lines])).not.toContain('wrong-battery');
    const right = adapter(base.replace('postgres@', 'history_pw:right%20horse@'));
    expect(await right.observationBounds()).toBeNull();
    expect(JSON.stringify(right.info())).not.toContain('horse');
  });

  it('names a database that does not exist', async () => {
    const store = adapter(cluster().url('no_such_history'));
    await expect(store.observationBounds()).rejects.toThrow(
      `the database "no_such_history" does not exist on PostgreSQL at 127.0.0.1:${cluster().port}: create it (createdb no_such_history) or fix DATABASE_URL`,
    );
  });

  it('turns a URL that does not parse into history off, without repeating the URL', async () => {
    const store = adapter('postgres://history:s3cret@db.example:99999/history');
    await store.ready();
    expect(store.info()).toMatchObject({ kind: 'postgres', role: 'off', state: 'degraded' });
    expect(store.info().reason).toMatch(/^DATABASE_URL is not a valid URL/);
    expect(await store.observationBounds()).toBeNull();
    expect(JSON.stringify([store.info(), lines])).not.toContain('s3cret');
  });
});
