import pg from 'pg';
import { afterEach, expect, it } from 'vitest';
import type { HistoryAdapter } from '../adapter.ts';
import { openStore } from '../open-store.ts';
import { MIGRATIONS } from './migrations.ts';
import { openPostgresAdapter } from './postgres-adapter.ts';
import { describeWithPostgres } from './test-with-postgres.ts';

describeWithPostgres('the PostgreSQL adapter', (cluster) => {
  const open: HistoryAdapter[] = [];
  const adapter = (url: string) => {
    const a = openPostgresAdapter({ url });
    open.push(a);
    return a;
  };
  afterEach(async () => {
    for (const a of open.splice(0)) await a.close();
  });
  async function sql<R>(url: string, text: string, values: unknown[] = []): Promise<R[]> {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      return (await client.query(text, values)).rows as R[];
    } finally {
      await client.end();
    }
  }

  it('says which point of a batch was new and which was already stored', async () => {
    const store = adapter(await cluster().createDatabase());
    const flags = await store.write(async (tx) => {
      const { series } = await tx.ensureCatalog({
        pools: [{ key: 'AUSDT', symbols: ['AUSDT'] }],
        series: [{ poolKey: 'AUSDT', asset: 'USDT' }],
      });
      const s = series.get('AUSDT\nUSDT')!;
      await tx.insertPoints([{ series: s, t: 1, balance: '1' }]);
      return tx.insertPoints([
        { series: s, t: 1, balance: '9' },
        { series: s, t: 2, balance: '2' },
        { series: s, t: 2, balance: '3' },
      ]);
    });
    expect(flags).toEqual([false, true, false]);
    const [point] = await store.points(1, 0, 10);
    expect(point).toEqual({ series: 1, t: 1, balance: '1' });
  });

  it('keeps ids across servers and never hands out an id of a rolled back write', async () => {
    const url = await cluster().createDatabase();
    const a = adapter(url);
    const b = adapter(url);
    const catalog = {
      pools: [{ key: 'AUSDT,BUSDT', symbols: ['AUSDT', 'BUSDT'] }],
      series: [{ poolKey: 'AUSDT,BUSDT', asset: 'USDT' }],
    };
    await expect(
      a.write(async (tx) => {
        await tx.ensureCatalog(catalog);
        throw new Error('the logic failed half way');
      }),
    ).rejects.toThrow('the logic failed half way');
    expect(await a.symbolId('AUSDT')).toBeUndefined();
    const first = await b.write((tx) => tx.ensureCatalog(catalog));
    const again = await a.write((tx) => tx.ensureCatalog(catalog));
    expect(again).toEqual(first);
    const pool = first.pools.get('AUSDT,BUSDT')!;
    expect(await a.poolsOfSymbol((await a.symbolId('BUSDT'))!)).toEqual([pool]);
    expect(await a.pools([pool, 999])).toEqual([
      { id: pool, key: 'AUSDT,BUSDT', symbols: ['AUSDT', 'BUSDT'] },
    ]);
  });

  it('runs one write transaction at a time across servers, each seeing the one before', async () => {
    const url = await cluster().createDatabase();
    const a = adapter(url);
    const b = adapter(url);
    await a.write((tx) => tx.insertObservation(1));
    let release!: () => void;
    let entered!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const inside = new Promise<void>((resolve) => (entered = resolve));
    const first = a.write(async (tx) => {
      await tx.insertObservation(2);
      entered();
      await held;
    });
    await inside;
    const second = b.write(async (tx) => tx.observations(0, 10, 10));
    // The second server waits on the advisory lock until the first commits.
    for (let i = 0; i < 200; i += 1) {
      const [row] = await sql<{ n: number }>(
        url,
        "SELECT count(*)::int AS n FROM pg_locks WHERE locktype = 'advisory' AND NOT granted",
      );
      if (row!.n === 1) break;
      await new Promise((r) => setTimeout(r, 25));
    }
    release();
    await first;
    expect(await second).toEqual([1, 2]);
  });

  it("waits for another server's long transaction rather than calling the connection lost", async () => {
    const url = await cluster().createDatabase();
    const a = adapter(url);
    const b = openPostgresAdapter({ url, queryTimeoutMs: 200 });
    open.push(b);
    await b.observationBounds();
    let entered!: () => void;
    const inside = new Promise<void>((resolve) => (entered = resolve));
    const long = a.write(async (tx) => {
      await tx.insertObservation(1);
      entered();
      // Longer than b's statement timeout, while a holds the write lock.
      await new Promise((r) => setTimeout(r, 600));
    });
    await inside;
    await b.write((tx) => tx.insertObservation(2));
    await long;
    expect(await b.observations(0, 10, 10)).toEqual([1, 2]);
    expect(b.info().state).toBe('ok');
  });

  it('overwrites a level row and keeps every other row as given', async () => {
    const store = adapter(await cluster().createDatabase());
    const row = (n: number, balance: string) => ({
      series: 1,
      bucket: 3_600_000,
      n,
      last: { t: 3_600_500, balance },
      min: { t: 3_600_100, balance: '-0' },
      max: { t: 3_600_200, balance: '007' },
    });
    await store.write((tx) => tx.putLevels('hour', [row(1, '1.50')]));
    await store.write((tx) => tx.putLevels('hour', [row(2, '2.50'), row(3, '3.50')]));
    expect(await store.levels('hour', 1, 0, 7_200_000)).toEqual([row(3, '3.50')]);
    expect(await store.levelRows('hour', [{ series: 1, bucket: 3_600_000 }])).toEqual([
      row(3, '3.50'),
    ]);
    expect(await store.levels('day', 1, 0, 7_200_000)).toEqual([]);
  });

  it('answers the latest index of each asset, leaving out assets without one', async () => {
    const store = adapter(await cluster().createDatabase());
    await store.write((tx) =>
      tx.insertIndex([
        { asset: 'BTC', t: 1, index: '90000.1' },
        { asset: 'BTC', t: 5, index: '91000.10' },
        { asset: 'ETH', t: 3, index: '3000' },
        { asset: 'BTC', t: 5, index: '1' },
      ]),
    );
    const latest = await store.latestIndex(['BTC', 'ETH', 'BNB']);
    expect(latest.sort((x, y) => x.asset.localeCompare(y.asset))).toEqual([
      { asset: 'BTC', t: 5, index: '91000.10' },
      { asset: 'ETH', t: 3, index: '3000' },
    ]);
    expect(await store.indexAtOrBefore('BTC', 4)).toEqual({ asset: 'BTC', t: 1, index: '90000.1' });
  });

  it('migrates a new database once when two servers start on it at the same moment', async () => {
    const url = await cluster().createDatabase();
    const [a, b] = [adapter(url), adapter(url)];
    await Promise.all([a.observationBounds(), b.observationBounds()]);
    const rows = await sql<{ version: number }>(url, 'SELECT version FROM schema_migrations');
    expect(rows.map((r) => r.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
    expect(a.info()).toMatchObject({ kind: 'postgres', role: 'writer', state: 'ok' });
  });

  it('lets a role that may only read export the history', async () => {
    const url = await cluster().createDatabase();
    await adapter(url).write((tx) => tx.insertObservation(7));
    await sql(url, 'CREATE ROLE history_backup LOGIN');
    await sql(url, 'GRANT SELECT ON ALL TABLES IN SCHEMA public TO history_backup');
    const store = await openStore(
      { historyDb: 'unused', databaseUrl: url.replace('postgres@', 'history_backup@') },
      undefined,
      { readOnly: true },
    );
    open.push(store);
    expect(await store.observations(0, 10, 10)).toEqual([7]);
    expect(store.info()).toMatchObject({ role: 'reader', state: 'ok' });
    await expect(store.write((tx) => tx.insertObservation(8))).rejects.toThrow(/does not record/);
  });

  it('only reads a database that a newer server migrated, and says so', async () => {
    const url = await cluster().createDatabase();
    await adapter(url).observationBounds();
    await sql(url, 'INSERT INTO schema_migrations (version) VALUES (99)');
    const store = adapter(url);
    expect(await store.observationBounds()).toBeNull();
    expect(store.info()).toMatchObject({ role: 'reader', state: 'degraded' });
    expect(store.info().reason).toMatch(/newer/);
    await expect(store.write(async () => undefined)).rejects.toThrow(/does not record/);
  });
});
