import type { IncomingMessage, ServerResponse } from 'node:http';
import type { HistoryAdapter } from './adapter.ts';
import { answerEvents } from './events-query.ts';
import { EXPORT_PATH, historyExportRoute } from './export-route.ts';
import { answerHistory } from './history-query.ts';
import { answerOverview } from './overview-query.ts';
import { BadParameter, eventsParams, historyParams, overviewParams } from './params.ts';

type Next = (error?: unknown) => void;

function send(res: ServerResponse, status: number, body: unknown) {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    'content-length': Buffer.byteLength(text),
  });
  res.end(text);
}

/**
 * `GET /api/history`, `/api/overview` and `/api/events` as connect-style middleware. Nothing
 * thrown here reaches the HTTP server: a bad parameter is `400 {code,msg}`, a symbol never seen
 * `404`, a store that fails `503`, and every other path goes to `next()`.
 */
export function historyRoutes(store: HistoryAdapter, now: () => number = Date.now) {
  // The overview changes only when a recording arrives: one computation serves every viewer.
  let overview: { key: string; body: unknown } | null = null;
  const historyExport = historyExportRoute(store, now);

  async function handle(path: string, params: URLSearchParams, res: ServerResponse) {
    if (path === '/api/history') {
      const q = historyParams(params);
      const answer = await answerHistory(store, q);
      if (!answer)
        return send(res, 404, {
          code: 404,
          msg: `${q.symbol} was never seen in the recorded history`,
        });
      return send(res, 200, answer);
    }
    if (path === '/api/overview') {
      const { spark } = overviewParams(params);
      const key = `${(await store.observationBounds())?.last ?? 'none'}:${spark}`;
      if (overview?.key !== key) overview = { key, body: await answerOverview(store, spark) };
      return send(res, 200, overview.body);
    }
    const latest = (await store.observationBounds())?.last ?? now();
    return send(res, 200, await answerEvents(store, eventsParams(params, latest)));
  }

  return function historyMiddleware(req: IncomingMessage, res: ServerResponse, next: Next) {
    const url = new URL(req.url ?? '/', 'http://history.invalid');
    if (url.pathname === EXPORT_PATH) return historyExport(req, res, url.searchParams);
    if (!['/api/history', '/api/overview', '/api/events'].includes(url.pathname)) return next();
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.setHeader('allow', 'GET, HEAD');
      return send(res, 405, { code: 405, msg: 'only GET is answered here' });
    }
    handle(url.pathname, url.searchParams, res).catch((error: unknown) => {
      if (res.headersSent) return res.destroy();
      if (error instanceof BadParameter) return send(res, 400, { code: 400, msg: error.message });
      send(res, 503, {
        code: 503,
        msg: `the history cannot be read right now: ${(error as Error).message}`,
      });
    });
  };
}
