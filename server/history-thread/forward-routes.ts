import type { IncomingMessage, ServerResponse } from 'node:http';
import { ALERTS_PATH } from '../../src/core/alerts.ts';
import type { Next } from '../http/chain.ts';
import { HISTORY_PATHS, refuseMethod, sendJson } from '../history/json-reply.ts';
import type { HistoryThread } from './history-thread.ts';

/** The history's paths: those it answers today, and any under `/api/history`. */
const forwarded = (path: string) =>
  HISTORY_PATHS.includes(path) || path.startsWith('/api/history') || path === ALERTS_PATH;

/** Longest wait for the worker's answer before the viewer is told to come back. */
const ANSWER_MS = 30_000;

function unavailable(res: ServerResponse, why: string) {
  sendJson(res, 503, {
    code: 503,
    msg: `the history is not available right now (${why}); the live data is not affected`,
  });
}

/**
 * The history's routes on the main thread: each request is handed to the worker and its status,
 * headers and bytes sent back as they come. A worker that is down, stopping or silent gives a
 * `503` in words; nothing else waits on it.
 */
export function forwardRoutes(thread: HistoryThread) {
  return (req: IncomingMessage, res: ServerResponse, next: Next) => {
    const url = req.url ?? '/';
    const q = url.indexOf('?');
    const path = q === -1 ? url : url.slice(0, q);
    if (!forwarded(path)) return next();
    if (refuseMethod(req, res)) return;
    const encodings = String(req.headers['accept-encoding'] ?? '');
    let late: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<'late'>((resolve) => {
      late = setTimeout(() => resolve('late'), ANSWER_MS);
      late.unref();
    });
    void Promise.race([
      thread.request(path, q === -1 ? '' : url.slice(q + 1), encodings),
      timeout,
    ]).then((r) => {
      clearTimeout(late);
      if (res.headersSent || res.destroyed) return;
      if (r === 'late') return unavailable(res, 'it is taking too long to answer');
      if (r === null) return unavailable(res, thread.status().down ?? 'it is stopping');
      if (r.body === null) return next();
      res.writeHead(r.status, r.headers);
      res.end(r.body);
    });
  };
}
