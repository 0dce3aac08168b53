import { resolve } from 'node:path';
import type { PartStatus } from '../health.ts';
import { parseDatabaseUrl } from '../history/postgres/database-url.ts';
import type { HistoryParts } from '../parts.ts';
import { forwardRoutes, type ForwardLimits } from './forward-routes.ts';
import type { HistoryThread } from './history-thread.ts';
import type { WorkerSettings } from './protocol.ts';

/**
 * What `/api/health` may say of the store: its kind, role and state, never where it is. The
 * file's path, and the database's host, user and name, are taken out of every sentence too (a
 * reason, the last error), as the operator's own business.
 */
export function withoutWhereabouts(value: unknown, settings: WorkerSettings): unknown {
  const secrets: [string, string][] = [];
  const url = settings.databaseUrl ? parseDatabaseUrl(settings.databaseUrl) : undefined;
  if (url && !('error' in url))
    secrets.push(
      [url.redacted, 'the database'],
      [`${url.user}@${url.host}`, 'the database'],
      [url.host, 'the database host'],
      [`user "${url.user}"`, 'its user'],
      [`"${url.database}"`, 'the database'],
    );
  else
    secrets.push(
      [resolve(settings.historyDb), 'the history file'],
      [settings.historyDb, 'the history file'],
    );
  const hide = (text: string) =>
    secrets.reduce((t, [secret, word]) => (secret ? t.split(secret).join(word) : t), text);
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') return hide(v);
    if (Array.isArray(v)) return v.map(walk);
    if (v && typeof v === 'object')
      return Object.fromEntries(
        Object.entries(v)
          .filter(([key]) => key !== 'location')
          .map(([key, inner]) => [key, walk(inner)]),
      );
    return v;
  };
  return walk(value);
}

/**
 * The history as `/api/health` shows it, from the worker's last status: `degraded` when the
 * store cannot be written or read as it should, when snapshots wait to be stored, and while the
 * worker is down.
 */
export function threadHealth(thread: HistoryThread): PartStatus {
  const { status, down } = thread.status();
  const safe = (part: PartStatus) => withoutWhereabouts(part, thread.settings) as PartStatus;
  if (down !== null)
    return safe({ ...(status ?? {}), state: 'degraded', worker: 'down', reason: down });
  if (!status) return { state: 'degraded', worker: 'starting' };
  const state =
    status.store.role === 'off' ||
    status.store.state === 'degraded' ||
    status.pending > 0 ||
    status.alerts?.state === 'degraded'
      ? 'degraded'
      : 'ok';
  return safe({ ...status, state, worker: 'running' });
}

/** The parts the servers mount for a history thread: every history route goes to the thread. */
export function threadParts(
  thread: HistoryThread,
  limits: Partial<ForwardLimits> = {},
): HistoryParts & { thread: HistoryThread; routes: ReturnType<typeof forwardRoutes> } {
  return {
    routes: forwardRoutes(thread.target, limits),
    status: () => threadHealth(thread),
    latestAdl: () => thread.latestAdl() ?? [],
    close: async () => {
      const { closed } = await thread.close();
      if (!closed) throw new Error('the history store could not be closed in time');
    },
    thread,
  };
}
