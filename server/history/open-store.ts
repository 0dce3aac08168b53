import type { HistoryAdapter } from './adapter.ts';
import { isPostgresUrl, parseDatabaseUrl } from './postgres/database-url.ts';
import { openPostgresAdapter } from './postgres/postgres-adapter.ts';
import { openSqliteAdapter } from './sqlite/sqlite-adapter.ts';

/** Where the history is kept, as the server's settings say (server/config.ts reads them). */
export interface StoreSettings {
  /** The SQLite file (`HISTORY_DB`). */
  historyDb: string;
  /** `DATABASE_URL`: PostgreSQL instead of the file when set. */
  databaseUrl?: string | undefined;
}

/**
 * The store the settings ask for: PostgreSQL when `databaseUrl` is a `postgres://` URL, else the
 * SQLite file at `historyDb`. Opening never throws for a file it cannot use (the store is then
 * off or read-only and says so); a URL of an unsupported kind is refused.
 */
export async function openStore(
  settings: StoreSettings,
  log?: (line: string) => void,
  /** `readOnly`: never take the writer role nor write (an export). */
  options: { readOnly?: boolean } = {},
): Promise<HistoryAdapter> {
  const url = settings.databaseUrl?.trim();
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
    path: settings.historyDb,
    ...(log ? { log } : {}),
    readOnly: options.readOnly ?? false,
  });
}
