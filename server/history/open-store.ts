import type { HistoryAdapter } from './adapter.ts';
import { isPostgresUrl, parseDatabaseUrl } from './postgres/database-url.ts';
import { openPostgresAdapter } from './postgres/postgres-adapter.ts';
import { openSqliteAdapter } from './sqlite/sqlite-adapter.ts';

export const DEFAULT_HISTORY_DB = 'data/history.sqlite';

export interface StoreEnv {
  HISTORY_DB?: string;
  DATABASE_URL?: string;
}

/**
 * The store the environment asks for: PostgreSQL when `DATABASE_URL` is a `postgres://` URL,
 * else the SQLite file at `HISTORY_DB`. Opening never throws for a file it cannot use (the store
 * is then off or read-only and says so); a URL of an unsupported kind is refused.
 */
export async function openStore(
  env: StoreEnv,
  log?: (line: string) => void,
  /** `readOnly`: never take the writer role nor write (an export). */
  options: { readOnly?: boolean } = {},
): Promise<HistoryAdapter> {
  const url = env.DATABASE_URL?.trim();
  if (url) {
    if (isPostgresUrl(url)) {
      // A URL that does not parse is refused like one of another kind (the message never repeats
      // it). Otherwise this never waits for the database: it connects in the background, and
      // says in `info()` why not.
      const target = parseDatabaseUrl(url);
      if ('error' in target) throw new Error(target.error);
      return openPostgresAdapter({
        url,
        readOnly: options.readOnly ?? false,
        ...(log ? { log } : {}),
      });
    }
    throw new Error('DATABASE_URL must be a postgres:// URL');
  }
  return openSqliteAdapter({
    path: env.HISTORY_DB?.trim() || DEFAULT_HISTORY_DB,
    ...(log ? { log } : {}),
    readOnly: options.readOnly ?? false,
  });
}
