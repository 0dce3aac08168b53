import pg from 'pg';
import { afterEach, expect, it } from 'vitest';
import { openPostgresAdapter, type PostgresAdapter } from './postgres-adapter.ts';
import { describeWithPostgres } from './test-with-postgres.ts';

describeWithPostgres('the PostgreSQL store when its connections are all in use', (cluster) => {
  const open: { close: () => Promise<unknown> }[] = [];
  afterEach(async () => {
    for (const thing of open.splice(0).reverse()) await thing.close().catch(() => undefined);
  });

  it('says busy rather than lost, and a recording waits its turn instead of failing', async () => {
    const url = await cluster().createDatabase();
    const lines: string[] = [];
    const store: PostgresAdapter = openPostgresAdapter({
      url,
      max: 2,
      connectTimeoutMs: 200,
      log: (line) => lines.push(line),
    });
    open.push(store);
    await store.write((tx) => tx.insertObservation(1));
    // Another client holds a lock that every read of the observations waits for: two slow reads
    // hold both of this server's connections.
    const blocker = new pg.Client({ connectionString: url });
    await blocker.connect();
    open.push({ close: () => blocker.end() });
    await blocker.query('BEGIN');
    await blocker.query('LOCK TABLE observation IN ACCESS EXCLUSIVE MODE');
    const slow = [store.observations(0, 10, 10), store.observations(0, 10, 10)];
    const recording = store.write((tx) => tx.insertObservation(2));
    await expect(store.observationBounds()).rejects.toThrow(/^busy: /);
    expect(store.info()).toMatchObject({
      state: 'degraded',
      reason: expect.stringMatching(/^busy: every connection/),
    });
    expect(lines.join('\n')).not.toMatch(/lost|cannot be reached/);
    await blocker.query('COMMIT');
    expect(await Promise.all(slow)).toEqual([[1], [1]]);
    await recording;
    expect(await store.observations(0, 10, 10)).toEqual([1, 2]);
    expect(store.info()).toMatchObject({ state: 'ok' });
  }, 60_000);
});
