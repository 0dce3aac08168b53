import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, expect, it } from 'vitest';
import { seedDemoHistory } from '../../demo/history-seed.ts';
import { answerEvents } from '../events-query.ts';
import { answerHistory } from '../history-query.ts';
import { openStore } from '../open-store.ts';
import { openSqliteAdapter } from '../sqlite/sqlite-adapter.ts';
import { describeWithPostgres } from './test-with-postgres.ts';

const run = promisify(execFile);
const dir = mkdtempSync(join(tmpdir(), 'history-move-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** `npm run history -- …` as a team would run it, with only the store's variables set. */
function history(args: string[], env: { HISTORY_DB?: string; DATABASE_URL?: string }) {
  const rest = { ...process.env };
  delete rest.HISTORY_DB;
  delete rest.DATABASE_URL;
  return run(process.execPath, ['--import', 'tsx', 'server/history/cli.ts', ...args], {
    env: { ...rest, ...env },
    maxBuffer: 256 * 1024 * 1024,
  });
}

describeWithPostgres('moving a server history from SQLite into PostgreSQL', (cluster) => {
  it('exports from the SQLite file, imports into the shared database and serves the identical history', async () => {
    const file = join(dir, 'office.sqlite');
    const sqlite = openSqliteAdapter({ path: file });
    const seeded = seedDemoHistory({
      store: sqlite,
      days: 1,
      everyMs: 300_000,
      now: Date.UTC(2026, 0, 31),
      indexAt: (t) => [{ symbol: 'BTCUSD', index: `${90_000 + (t % 7)}.25`, time: t }],
    });
    await seeded.filled;
    const snapshots = (await sqlite.observations(0, Number.MAX_SAFE_INTEGER, 1e6)).length;
    expect(snapshots).toBeGreaterThan(280);
    await sqlite.close();
    const url = await cluster().createDatabase();

    const exported = await history(['export'], { HISTORY_DB: file });
    expect(exported.stdout.split('\n').filter(Boolean)).toHaveLength(snapshots);
    writeFileSync(join(dir, 'office.jsonl'), exported.stdout);
    const imported = await history(['import', join(dir, 'office.jsonl')], { DATABASE_URL: url });
    expect(imported.stderr).toMatch(`imported ${snapshots} snapshots`);
    const lines = (text: string) => text.split('\n');
    const times = (text: string) =>
      lines(text)
        .filter(Boolean)
        .map((l) => (JSON.parse(l) as { observedAt: number }).observedAt);
    const again = await history(['export'], { DATABASE_URL: url });
    // The times first: a snapshot missing is then named, with what the command said.
    expect({ times: times(again.stdout), said: again.stderr }).toEqual({
      times: times(exported.stdout),
      said: `exported ${snapshots} snapshots\n`,
    });
    expect(lines(again.stdout)).toEqual(lines(exported.stdout));

    // Importing the same file again adds nothing.
    await history(['import', join(dir, 'office.jsonl')], { DATABASE_URL: url });
    const twice = await history(['export'], { DATABASE_URL: url });
    expect(lines(twice.stdout)).toEqual(lines(exported.stdout));

    const a = await openStore({ historyDb: file });
    const b = await openStore({ historyDb: 'unused', databaseUrl: url });
    try {
      expect(b.info()).toMatchObject({ kind: 'postgres', state: 'ok' });
      for (const pool of seeded.market) {
        const q = { symbol: pool.symbols[0]!, from: seeded.from, to: seeded.to };
        const fromSqlite = await answerHistory(a, q);
        expect(fromSqlite?.series.length).toBeGreaterThan(0);
        expect(await answerHistory(b, q)).toEqual(fromSqlite);
      }
      const events = { from: seeded.from, to: seeded.to, limit: 100 };
      const fromSqlite = await answerEvents(a, events);
      expect(new Set(fromSqlite.events.map((e) => e.kind))).toEqual(
        new Set(['moved', 'appeared', 'listed', 'drop', 'adl']),
      );
      expect(await answerEvents(b, events)).toEqual(fromSqlite);
    } finally {
      await a.close();
      await b.close();
    }
  }, 120_000);
});
