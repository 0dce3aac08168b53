import pg from 'pg';
import type { DatabaseTarget } from './database-url.ts';
import { describeError } from './describe-error.ts';
import type { Query } from './postgres-reads.ts';

/** What pg-pool says when every connection stayed in use for the whole wait (its queue's timeout). */
const POOL_BUSY = /timeout exceeded when trying to connect/i;

/**
 * The isolation level every transaction names in its `BEGIN`, rather than leaning on the
 * server's default (which an operator may change): each statement sees what was committed
 * before it; writes run one at a time anyway, under the advisory lock they take first.
 */
export const BEGIN = 'BEGIN ISOLATION LEVEL READ COMMITTED';

/**
 * A failed statement or connection, said in words (`describeError`); the pg error is its `cause`.
 * `busy`: every connection of this server's pool was in use for the whole wait, which says the
 * server is busy, not that the database is lost.
 */
export class StoreError extends Error {
  readonly connection: boolean;
  readonly busy: boolean;
  constructor(error: unknown, target: DatabaseTarget) {
    const busy = error instanceof Error && POOL_BUSY.test(error.message);
    const described = busy
      ? {
          message: 'busy: every connection to PostgreSQL was in use for the whole wait',
          connection: false,
        }
      : describeError(error, target);
    super(described.message, { cause: error });
    this.name = 'StoreError';
    this.connection = described.connection;
    this.busy = busy;
  }
}

/**
 * A connection for a transaction, waiting while the pool is busy (slow reads holding every
 * connection) for up to `waitMs` rather than failing at the pool's first timeout: a recording
 * waits its turn. Any other failure is said at once.
 */
export async function connectWhenFree(
  pool: pg.Pool,
  target: DatabaseTarget,
  waitMs = 120_000,
  onBusy: (error: StoreError) => void = () => undefined,
): Promise<pg.PoolClient> {
  const until = Date.now() + waitMs;
  for (;;) {
    try {
      return await pool.connect();
    } catch (error) {
      const failure = new StoreError(error, target);
      if (!failure.busy || Date.now() >= until) throw failure;
      onBusy(failure);
    }
  }
}

const INT8 = 20;
/**
 * `bigint` columns (the times) arrive as numbers: they are milliseconds, far below 2^53. Set on
 * this pool only, never on pg's global parsers, so other users of pg in the process are unaffected.
 */
const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === INT8 && format !== 'binary'
      ? (v: string) => Number(v)
      : pg.types.getTypeParser(oid, format as 'text')) as pg.CustomTypesConfig['getTypeParser'],
};

export interface ConnectionOptions {
  /** Connections this server keeps at most (one is the writer's during a recording). */
  max?: number;
  /** How long to wait for a connection before saying the database cannot be reached. */
  connectTimeoutMs?: number;
  /** How long one statement may take before the connection counts as lost. */
  queryTimeoutMs?: number;
}

/**
 * The connection pool. Every error event is caught: an idle connection that the server closes
 * (restart, failover, network loss) is dropped by the pool and reported to `onError`, never thrown
 * into the process, and the next query opens a fresh connection.
 */
export function createPool(
  target: DatabaseTarget,
  onError: (error: StoreError) => void,
  options: ConnectionOptions = {},
): pg.Pool {
  const pool = new pg.Pool({
    connectionString: target.url,
    max: options.max ?? 4,
    connectionTimeoutMillis: options.connectTimeoutMs ?? 5_000,
    query_timeout: options.queryTimeoutMs ?? 30_000,
    idleTimeoutMillis: 30_000,
    keepAlive: true,
    application_name: 'insurance-fund-history',
    types,
  });
  pool.on('error', (error) => onError(new StoreError(error, target)));
  // A connection in use (between two statements of a transaction) reports a loss on itself.
  pool.on('connect', (client) =>
    client.on('error', (error) => onError(new StoreError(error, target))),
  );
  return pool;
}

/**
 * Statements run as named prepared statements: PostgreSQL parses and plans each once per
 * connection, which matters for the short statements a recording or an import repeats.
 */
export function queryOn(
  target: DatabaseTarget,
  runner: pg.Pool | pg.PoolClient,
  names: Map<string, string>,
): Query {
  return async <R>(text: string, values: readonly unknown[] = []) => {
    let name = names.get(text);
    if (name === undefined) names.set(text, (name = `h${names.size + 1}`));
    try {
      const result = await runner.query({ name, text, values: values as unknown[] });
      return result.rows as R[];
    } catch (error) {
      throw error instanceof StoreError ? error : new StoreError(error, target);
    }
  };
}
