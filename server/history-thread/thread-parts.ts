import type { IncomingMessage, ServerResponse } from 'node:http';
import type { PartStatus } from '../health.ts';
import type { Next } from '../http/chain.ts';
import type { HistoryAdapter } from '../history/adapter.ts';
import { EXPORT_PATH, historyExportRoute } from '../history/export-route.ts';
import { sendJson } from '../history/json-reply.ts';
import { openStore } from '../history/open-store.ts';
import type { HistoryParts } from '../parts.ts';
import { forwardRoutes } from './forward-routes.ts';
import type { HistoryThread } from './history-thread.ts';

/**
 * The history as `/api/health` shows it, from the worker's last status: `degraded` when the
 * store cannot be written or read as it should, when snapshots wait to be stored, and while the
 * worker is down.
 */
export function threadHealth(thread: HistoryThread): PartStatus {
  const { status, down } = thread.status();
  if (down !== null) return { ...(status ?? {}), state: 'degraded', worker: 'down', reason: down };
  if (!status) return { state: 'degraded', worker: 'starting' };
  const state =
    status.store.role === 'off' ||
    status.store.state === 'degraded' ||
    status.pending > 0 ||
    status.alerts?.state === 'degraded'
      ? 'degraded'
      : 'ok';
  return { ...status, state, worker: 'running' };
}

/**
 * `GET /api/history/export` streams the whole history, so it reads the store through a read-only
 * connection of its own here (opened at the first download; SQLite's WAL and PostgreSQL let it
 * read beside the worker's writes), in chunks with the event loop turned between them, instead
 * of passing the file through the worker's messages in one piece.
 */
function exportRoutes(thread: HistoryThread) {
  let reader: Promise<HistoryAdapter> | undefined;
  let route: ReturnType<typeof historyExportRoute> | undefined;
  const open = () => {
    reader ??= openStore(thread.settings, undefined, { readOnly: true });
    return reader;
  };
  return {
    handle(req: IncomingMessage, res: ServerResponse, next: Next) {
      const url = new URL(req.url ?? '/', 'http://history.invalid');
      if (url.pathname !== EXPORT_PATH) return next();
      open().then(
        (store) => {
          route ??= historyExportRoute(store);
          route(req, res, url.searchParams);
        },
        (error: unknown) => {
          reader = undefined;
          sendJson(res, 503, {
            code: 503,
            msg: `the history cannot be read right now: ${(error as Error).message}`,
          });
        },
      );
    },
    async close() {
      const store = await reader?.catch(() => undefined);
      await store?.close();
    },
  };
}

/** The parts the servers mount for a history thread. */
export function threadParts(thread: HistoryThread): HistoryParts & { thread: HistoryThread } {
  const forward = forwardRoutes(thread);
  const exports = exportRoutes(thread);
  return {
    routes: (req, res, next) => exports.handle(req, res, () => forward(req, res, next)),
    status: () => threadHealth(thread),
    close: async () => {
      await exports.close();
      await thread.close();
    },
    thread,
  };
}
