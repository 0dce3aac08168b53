import type { IncomingMessage, ServerResponse } from 'node:http';
import type { HistoryReader } from './adapter.ts';
import { answerEvents } from './events-query.ts';
import { EXPORT_PATH, historyExportRoute } from './export-route.ts';
import { answerHistory } from './history-query.ts';
import { answerOverview } from './overview-query.ts';
import { HISTORY_PATHS, refuseMethod, sendJson } from './json-reply.ts';
import { BadParameter, eventsParams, historyParams, overviewParams } from './params.ts';
import { answerSnapshotPath, SNAPSHOT_PATHS } from './snapshot-route.ts';

type Next = (error?: unknown) => void;

/** What the history answers a request: a status and a JSON body. */
export interface HistoryAnswer {
  status: number;
  body: unknown;
}

/**
 * `GET /api/history`, `/api/overview` and `/api/events` as a function of the path and its query.
 * Never rejects: a bad parameter is `400 {code,msg}`, a symbol never seen `404`, a store that
 * fails `503`; `null` for a path that is not the history's.
 */
export function historyAnswers(store: HistoryReader, now: () => number = Date.now) {
  // The overview changes only when a recording arrives: one computation serves every viewer.
  let overview: { key: string; body: Promise<unknown> } | null = null;

  async function answer(path: string, params: URLSearchParams): Promise<HistoryAnswer> {
    if (SNAPSHOT_PATHS.includes(path)) return answerSnapshotPath(store, path, params);
    if (path === '/api/history') {
      const q = historyParams(params);
      const body = await answerHistory(store, q);
      if (!body)
        return {
          status: 404,
          body: { code: 404, msg: `${q.symbol} was never seen in the recorded history` },
        };
      return { status: 200, body };
    }
    if (path === '/api/overview') {
      const { spark } = overviewParams(params);
      const key = `${(await store.observationBounds())?.last ?? 'none'}:${spark}`;
      // Requests that arrive while it is computed share the one computation.
      if (overview?.key !== key) {
        const body = answerOverview(store, spark);
        overview = { key, body };
        body.catch(() => {
          if (overview?.body === body) overview = null;
        });
      }
      return { status: 200, body: await overview.body };
    }
    const latest = (await store.observationBounds())?.last ?? now();
    return { status: 200, body: await answerEvents(store, eventsParams(params, latest)) };
  }

  return async (path: string, params: URLSearchParams): Promise<HistoryAnswer | null> => {
    if (!HISTORY_PATHS.includes(path)) return null;
    try {
      return await answer(path, params);
    } catch (error) {
      if (error instanceof BadParameter)
        return { status: 400, body: { code: 400, msg: error.message } };
      return {
        status: 503,
        body: {
          code: 503,
          msg: `the history cannot be read right now: ${(error as Error).message}`,
        },
      };
    }
  };
}

/**
 * The history's answers as connect-style middleware, in the thread that holds the store. Nothing
 * thrown here reaches the HTTP server, and every other path goes to `next()`.
 */
export function historyRoutes(store: HistoryReader, now: () => number = Date.now) {
  const answers = historyAnswers(store, now);
  const historyExport = historyExportRoute(store, now);
  return function historyMiddleware(req: IncomingMessage, res: ServerResponse, next: Next) {
    const url = new URL(req.url ?? '/', 'http://history.invalid');
    if (url.pathname === EXPORT_PATH) return historyExport(req, res, url.searchParams);
    if (!HISTORY_PATHS.includes(url.pathname)) return next();
    if (refuseMethod(req, res)) return;
    void answers(url.pathname, url.searchParams).then((a) => {
      if (res.headersSent) return res.destroy();
      sendJson(res, a!.status, a!.body);
    });
  };
}
