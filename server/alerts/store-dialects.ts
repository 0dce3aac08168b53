import type { DatabaseSyncInstance } from '@photostructure/sqlite';
import type pg from 'pg';
import { alertStore, type AlertStore, type Row, type Run } from './alert-store.ts';

/**
 * The alert store on the history's SQLite connection. Writes go through `serialize` (the
 * adapter's own write queue and transaction), so they never land inside a recording's
 * transaction; reads run at once.
 */
export function sqliteAlertStore(
  db: DatabaseSyncInstance,
  serialize: <T>(fn: () => Promise<T>) => Promise<T>,
): AlertStore {
  const exec: Run = async (sql, params = []) =>
    db.prepare(sql).all(...(params as never[])) as Row[];
  const reads = (sql: string) => /^\s*SELECT/i.test(sql);
  return alertStore({
    run: (sql, params) => (reads(sql) ? exec(sql, params) : serialize(() => exec(sql, params))),
    transaction: (fn) => serialize(() => fn(exec)),
    skipLocked: false,
  });
}

const toPg = (sql: string) => sql.replace(/\?(\d+)/g, '$$$1');

/** The alert store on the history's PostgreSQL pool; `prepare` connects and migrates first. */
export function postgresAlertStore(pool: pg.Pool, prepare: () => Promise<void>): AlertStore {
  const on =
    (runner: pg.Pool | pg.PoolClient): Run =>
    async (sql, params = []) =>
      (await runner.query(toPg(sql), params as unknown[])).rows as Row[];
  return alertStore({
    run: async (sql, params) => {
      await prepare();
      return on(pool)(sql, params);
    },
    async transaction(fn) {
      await prepare();
      const client = await pool.connect();
      let broken = false;
      try {
        await client.query('BEGIN');
        const result = await fn(on(client));
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => (broken = true));
        throw error;
      } finally {
        client.release(broken);
      }
    },
    skipLocked: true,
  });
}
