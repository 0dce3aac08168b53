import { accessSync, constants, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DatabaseSync, type DatabaseSyncInstance } from '@photostructure/sqlite';
import type { HistoryAdapter, HistoryTx, StoreInfo } from '../adapter.ts';
import { offAdapter } from '../off-adapter.ts';
import { inspectFile } from './inspect-file.ts';
import { MIGRATIONS } from './migrations.ts';
import { sqliteAlertStore } from '../../alerts/store-dialects.ts';
import { sqliteReads } from './sqlite-reads.ts';
import { newIdCache, sqliteTx, type IdCache } from './sqlite-writes.ts';
import { statementCache } from './statements.ts';
import { tryWriterLock, type WriterLock } from './writer-lock.ts';

export interface SqliteOptions {
  path: string;
  log?: (line: string) => void;
  /** Hands over the open connection (tests simulate a full disk with `PRAGMA max_page_count`). */
  onConnection?: (db: DatabaseSyncInstance) => void;
  /** Open read-only whatever the file's permissions (e.g. to export while a server records). */
  readOnly?: boolean;
}

function writable(path: string, exists: boolean): boolean {
  try {
    if (exists) accessSync(path, constants.W_OK);
    accessSync(dirname(path), constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

/** Applies the migrations this file lacks, each in its own transaction with its version. */
function migrate(db: DatabaseSyncInstance) {
  const { user_version: version } = db.prepare('PRAGMA user_version').get() as {
    user_version: number;
  };
  for (let v = version; v < MIGRATIONS.length; v += 1) {
    db.exec('BEGIN IMMEDIATE');
    try {
      db.exec(MIGRATIONS[v]!);
      db.exec(`PRAGMA user_version = ${v + 1}`);
      db.exec('COMMIT');
    } catch (error) {
      db.exec('ROLLBACK');
      throw error;
    }
  }
}

/** The writer's connection: WAL, and every commit synced (`FULL`), so an acknowledged write survives a power loss. */
function becomeWriter(db: DatabaseSyncInstance) {
  db.exec('PRAGMA journal_mode = WAL');
  db.exec('PRAGMA synchronous = FULL');
  db.exec('PRAGMA cache_size = -65536');
  migrate(db);
}

/**
 * Opens the history file. Never throws: a file it cannot use gives a store that is off or
 * read-only, `degraded`, with one clear log line, and the file is left exactly as it was.
 */
export function openSqliteAdapter({
  path,
  log = () => undefined,
  onConnection,
  readOnly = false,
}: SqliteOptions): HistoryAdapter {
  const info: StoreInfo = { kind: 'sqlite', location: path, role: 'off', state: 'ok' };
  const off = (reason: string) => {
    log(reason);
    return offAdapter({ ...info, state: 'degraded', reason });
  };
  try {
    mkdirSync(dirname(path), { recursive: true });
  } catch {
    // A folder that cannot be made shows as a file that cannot be opened, below.
  }
  const file = inspectFile(path);
  if (file.kind === 'not-sqlite' || file.kind === 'corrupt')
    return off(
      `${path} is not a readable SQLite database (${file.detail}): history is off; the file is left untouched`,
    );
  if (file.kind === 'newer')
    log(
      `${path} was written by a newer version of this server (schema ${file.version}): this server only reads it`,
    );
  const canWrite = !readOnly && file.kind !== 'newer' && writable(path, file.kind !== 'absent');
  if (!canWrite && file.kind === 'absent') return off(`cannot create ${path}: history is off`);

  let lock: WriterLock | null = null;
  if (canWrite) {
    try {
      lock = tryWriterLock(path);
    } catch {
      lock = null;
    }
  }
  let db: DatabaseSyncInstance;
  try {
    db = new DatabaseSync(path, { readOnly: !canWrite, timeout: 5_000 });
    if (lock) becomeWriter(db);
  } catch (error) {
    lock?.release();
    return off(
      `${path} cannot be opened (${(error as Error).message}): history is off; the file is left untouched`,
    );
  }
  info.role = lock ? 'writer' : 'reader';
  if (!canWrite && file.kind !== 'newer' && !readOnly) {
    info.state = 'degraded';
    info.reason = `${path} is read-only: history is served but not recorded`;
    log(info.reason);
  } else if (file.kind === 'newer') {
    info.state = 'degraded';
    info.reason = `${path} has a newer schema (${file.version}): history is not recorded`;
  } else if (!lock && !readOnly)
    log(`another process records into ${path}; this server only reads it`);

  onConnection?.(db);
  const q = statementCache(db);
  const reads = sqliteReads(q);
  const cache: IdCache = newIdCache();
  let queue: Promise<unknown> = Promise.resolve();

  async function transaction<T>(fn: (tx: HistoryTx) => Promise<T>): Promise<T> {
    if (info.role !== 'writer') throw new Error(`this server does not record into ${path}`);
    const created = newIdCache();
    db.exec('BEGIN IMMEDIATE');
    try {
      const result = await fn(sqliteTx(q, reads, cache, created));
      db.exec('COMMIT');
      for (const kind of Object.keys(created) as (keyof IdCache)[])
        for (const [k, v] of created[kind]) cache[kind].set(k, v);
      return result;
    } catch (error) {
      if (db.isTransaction) db.exec('ROLLBACK');
      throw error;
    }
  }

  return {
    ...reads,
    info: () => ({ ...info }),
    write<T>(fn: (tx: HistoryTx) => Promise<T>): Promise<T> {
      const next = queue.then(() => transaction(fn));
      queue = next.catch(() => undefined);
      return next;
    },
    alerts: () =>
      sqliteAlertStore(db, <T>(fn: () => Promise<T>) => {
        const next = queue.then(() => transaction(() => fn()));
        queue = next.catch(() => undefined);
        return next;
      }),
    async claimWriter() {
      if (info.role !== 'reader' || !canWrite || !db.isOpen) return info.role;
      try {
        lock = tryWriterLock(path);
        if (lock) {
          becomeWriter(db);
          info.role = 'writer';
          log(`${path}: the process that recorded into it is gone; this server records now`);
        }
      } catch {
        lock?.release();
        lock = null;
      }
      return info.role;
    },
    async close() {
      await queue;
      if (db.isOpen) db.close();
      lock?.release();
      info.role = 'off';
    },
  };
}
