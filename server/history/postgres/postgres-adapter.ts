import type pg from 'pg';
import type { HistoryAdapter, HistoryTx, StoreInfo } from '../adapter.ts';
import { offAdapter } from '../off-adapter.ts';
import {
  BEGIN,
  connectWhenFree,
  createPool,
  queryOn,
  StoreError,
  type ConnectionOptions,
} from './connection.ts';
import { parseDatabaseUrl, type DatabaseTarget } from './database-url.ts';
import { health } from './health.ts';
import { migrate, WRITE_LOCK } from './migrations.ts';
import { postgresReads } from './postgres-reads.ts';
import { newIdCache, postgresTx, type IdCache } from './postgres-writes.ts';
import { writeBack } from './write-back.ts';
import { postgresAlertStore } from '../../alerts/store-dialects.ts';

export interface PostgresOptions extends ConnectionOptions {
  /** `DATABASE_URL`: `postgres://user:password@host:port/database`. */
  url: string;
  log?: (line: string) => void;
  /** First and longest pause between two reconnection attempts while the database is away. */
  retryMs?: { first: number; max: number };
  /** Never write (an export): the role is `reader`, and a role that may only read will do. */
  readOnly?: boolean;
  /** How long a write waits for another server's write transaction to end. */
  lockWaitMs?: number;
  /** Rows a transaction keeps in memory before writing them (write-back.ts). */
  writeBackLimit?: number;
}

export interface PostgresAdapter extends HistoryAdapter {
  /** Resolves once the first connection attempt is over, whether it succeeded or not. */
  ready(): Promise<void>;
}

/**
 * Opens the history in PostgreSQL. Never throws and never waits for the database: until it
 * answers, and whenever it goes away, every call rejects with a sentence naming the server (never
 * the password), `info()` says `degraded` with that sentence, and the adapter keeps trying again
 * with a growing pause. Every server sharing the database is a writer: write transactions take
 * one advisory lock first, so they run one at a time across all of them.
 */
export function openPostgresAdapter(options: PostgresOptions): PostgresAdapter {
  const log = options.log ?? (() => undefined);
  const parsed = parseDatabaseUrl(options.url);
  if ('error' in parsed) {
    log(`history is off: ${parsed.error}`);
    const info: StoreInfo = {
      kind: 'postgres',
      location: 'DATABASE_URL (not shown: it does not parse)',
      role: 'off',
      state: 'degraded',
      reason: parsed.error,
    };
    return { ...offAdapter(info), info: () => ({ ...info }), ready: async () => undefined };
  }
  const target: DatabaseTarget = parsed;
  const info: StoreInfo = {
    kind: 'postgres',
    location: target.redacted,
    role: options.readOnly ? 'reader' : 'writer',
    state: 'ok',
  };
  let schemaProblem: string | null = null;
  const status = health(log, `PostgreSQL at ${target.host}:${target.port}/${target.database}`);
  const pool = createPool(target, status.failed, options);
  const names = new Map<string, string>();
  const onPool = queryOn(target, pool, names);
  let schema: Promise<void> | null = null;

  /** Connects and migrates once; a failure is forgotten, so the next call tries again. */
  function prepare(): Promise<void> {
    schema ??= (async () => {
      const client = await pool.connect().catch((error: unknown) => {
        throw new StoreError(error, target);
      });
      try {
        const state = await migrate(client);
        if (state.kind === 'newer') {
          schemaProblem = `the database has schema version ${state.version}, newer than this server's: history is served but not recorded`;
          info.role = 'reader';
          log(schemaProblem);
        }
        client.release();
      } catch (error) {
        client.release(true);
        throw error instanceof StoreError ? error : new StoreError(error, target);
      }
    })().catch((error: unknown) => {
      schema = null;
      throw error;
    });
    return schema;
  }

  /** Runs one call against the database, noting whether it reached it. */
  async function guarded<T>(call: () => Promise<T>, told = true): Promise<T> {
    try {
      await prepare();
      const result = await call();
      status.answered();
      return result;
    } catch (error) {
      if (error instanceof StoreError && (error.connection || error.busy))
        status.failed(error, told);
      throw error;
    }
  }
  status.probe(() => guarded(() => onPool('SELECT 1'), false), options.retryMs);

  const reads = postgresReads((text, values) => guarded(() => onPool(text, values)));
  const cache: IdCache = newIdCache();
  let queue: Promise<unknown> = Promise.resolve();
  const firstAttempt = guarded(async () => undefined).catch(() => undefined);

  async function transaction<T>(fn: (tx: HistoryTx) => Promise<T>): Promise<T> {
    if (info.role !== 'writer')
      throw new Error(`this server does not record into ${target.redacted}`);
    return guarded(async () => {
      const client = await connectWhenFree(pool, target, options.lockWaitMs, (busy) =>
        status.failed(busy, true),
      );
      const q = queryOn(target, client, names);
      const created = newIdCache();
      let broken = false;
      try {
        await q(BEGIN);
        // Another server's transaction (an import of a year, say) may hold the lock for minutes:
        // waiting for it is not a lost connection, so this one statement may take longer.
        await client
          .query({
            text: 'SELECT pg_advisory_xact_lock($1)',
            values: [WRITE_LOCK],
            query_timeout: options.lockWaitMs ?? 3_600_000,
          } as pg.QueryConfig)
          .catch((error: unknown) => {
            throw new StoreError(error, target);
          });
        const tx = writeBack(
          q,
          postgresTx(q, postgresReads(q), cache, created),
          options.writeBackLimit,
        );
        const result = await fn(tx);
        await tx.flush();
        await q('COMMIT');
        for (const [k, v] of created.pools) cache.pools.set(k, v);
        for (const [k, v] of created.series) cache.series.set(k, v);
        return result;
      } catch (error) {
        broken = error instanceof StoreError && error.connection;
        if (!broken) await q('ROLLBACK').catch(() => (broken = true));
        throw error;
      } finally {
        // A connection that failed mid-transaction is closed, never handed to the next caller.
        client.release(broken);
      }
    });
  }

  return {
    ...reads,
    info: () => {
      const problem = schemaProblem ?? status.problem();
      return problem ? { ...info, state: 'degraded', reason: problem } : { ...info };
    },
    write<T>(fn: (tx: HistoryTx) => Promise<T>): Promise<T> {
      const next = queue.then(() => transaction(fn));
      queue = next.catch(() => undefined);
      return next;
    },
    async claimWriter() {
      return info.role;
    },
    alerts: () => postgresAlertStore(pool, prepare),
    ready: () => firstAttempt,
    async close() {
      status.stop();
      await queue;
      info.role = 'off';
      await pool.end().catch(() => undefined);
    },
  };
}
