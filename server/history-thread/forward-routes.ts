import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Next } from '../http/chain.ts';
import { EXPORT_RETRY_AFTER_S } from '../history/export-route.ts';
import { refuseMethod, sendJson } from '../history/json-reply.ts';
import { HISTORY_ROUTES } from '../history/routes.ts';
import type { JobRunner } from './jobs.ts';
import type { Job, JobOut } from './protocol.ts';

/** Where the history's requests are run: its thread, or a store on this thread (localTarget). */
export interface JobTarget {
  /** Starts a job; its output comes to `out` in order, ending with `done`. `false`: nobody can take it now. */
  start(job: Job, out: (m: JobOut) => void): boolean;
  cancel(id: number): void;
  more(id: number): void;
  /** Why nobody can take a job, `null` when one can. */
  down(): string | null;
}

export interface ForwardLimits {
  /** Requests at once, streams included; one more is answered `503` busy. */
  maxJobs: number;
  /** Longest wait for a whole answer; past it the viewer gets `503` and the job is stopped. */
  answerMs: number;
  /** Longest wait for a client that stopped reading a stream; past it the client is dropped. */
  stallMs: number;
}

export const FORWARD_DEFAULTS: ForwardLimits = { maxJobs: 16, answerMs: 20_000, stallMs: 30_000 };
const BUSY_RETRY_AFTER_S = 5;

/** The history's requests run on this thread, against a store held here. */
export function localTarget(runner: JobRunner): JobTarget {
  return {
    // A turn later, as from a thread: the caller has set up its side before the first answer.
    start: (job, out) => (queueMicrotask(() => runner.start(job, out)), true),
    cancel: runner.cancel,
    more: runner.more,
    down: () => null,
  };
}

function busy(res: ServerResponse, msg: string, retryAfterS: number) {
  sendJson(res, 503, { code: 503, msg }, { 'retry-after': String(retryAfterS) });
}

function unavailable(res: ServerResponse, why: string) {
  sendJson(
    res,
    503,
    {
      code: 503,
      msg: `the history is not available right now (${why}); the live data is not affected`,
    },
    { 'retry-after': String(BUSY_RETRY_AFTER_S) },
  );
}

/**
 * The history's routes (HISTORY_ROUTES) on the main thread: each request is handed to `target`
 * and its answer sent on as it comes. Every request is bounded: at most `maxJobs` at once and
 * `limit` streams of a route (one more is `503` with `Retry-After`, in words), a whole answer
 * waits at most `answerMs`, a stream's client that stops reading is dropped after `stallMs`,
 * and a job is cancelled as soon as its client leaves or is dropped. Its slot is free when the
 * job says it is done.
 */
export function forwardRoutes(target: JobTarget, limits: Partial<ForwardLimits> = {}) {
  const { maxJobs, answerMs, stallMs } = { ...FORWARD_DEFAULTS, ...limits };
  let running = 0;
  let last = 0;
  const streams = new Map<string, number>();
  const stats = { busy: 0, late: 0, dropped: 0, cancelled: 0, aborted: 0 };

  function handle(req: IncomingMessage, res: ServerResponse, next: Next) {
    const url = req.url ?? '/';
    const q = url.indexOf('?');
    const path = q === -1 ? url : url.slice(0, q);
    const route = Object.hasOwn(HISTORY_ROUTES, path) ? HISTORY_ROUTES[path] : undefined;
    if (!route) return next();
    if (refuseMethod(req, res)) return;
    const down = target.down();
    if (down !== null) return unavailable(res, down);
    if (route.kind === 'stream' && (streams.get(path) ?? 0) >= route.limit) {
      stats.busy += 1;
      return busy(
        res,
        `${route.limit} downloads are running; try again in ${EXPORT_RETRY_AFTER_S} s`,
        EXPORT_RETRY_AFTER_S,
      );
    }
    if (running >= maxJobs) {
      stats.busy += 1;
      return busy(
        res,
        `the history is busy with ${running} requests; try again in ${BUSY_RETRY_AFTER_S} s`,
        BUSY_RETRY_AFTER_S,
      );
    }
    const id = (last += 1);
    running += 1;
    if (route.kind === 'stream') streams.set(path, (streams.get(path) ?? 0) + 1);
    let over = false;
    /** Chunks written while the client was not keeping up, each owed a `more` once it drains. */
    let owed = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const stop = () => {
      if (over) return;
      over = true;
      stats.cancelled += 1;
      target.cancel(id);
    };
    const free = () => {
      clearTimeout(timer);
      over = true;
      running -= 1;
      if (route.kind === 'stream') streams.set(path, (streams.get(path) ?? 1) - 1);
    };
    res.once('close', () => {
      if (!res.writableFinished) stop();
    });
    if (route.kind === 'json') {
      timer = setTimeout(() => {
        stats.late += 1;
        stop();
        if (!res.headersSent) unavailable(res, 'it is taking too long to answer');
      }, answerMs);
      timer.unref();
    }
    const job: Job = {
      id,
      path,
      query: q === -1 ? '' : url.slice(q + 1),
      encodings: String(req.headers['accept-encoding'] ?? ''),
      method: req.method ?? 'GET',
    };
    const started = target.start(job, (m) => {
      if (m.kind === 'done') {
        if (m.aborted) stats.aborted += 1;
        return free();
      }
      if (res.destroyed || (over && m.kind !== 'cut')) return;
      if (m.kind === 'response') {
        if (res.headersSent) return;
        res.writeHead(m.status, m.headers);
        res.end(Buffer.from(m.body.buffer, m.body.byteOffset, m.body.byteLength));
      } else if (m.kind === 'head') res.writeHead(m.status, m.headers);
      else if (m.kind === 'chunk') {
        const data = Buffer.from(m.data.buffer, m.data.byteOffset, m.data.byteLength);
        const room = res.write(data);
        if (owed === 0 && room) return target.more(id);
        owed += 1;
        if (owed > 1) return;
        // The client is not reading: wait for it a while, then let it go and free the slot.
        const stalled = setTimeout(() => {
          stats.dropped += 1;
          res.destroy();
        }, stallMs);
        stalled.unref();
        res.once('drain', () => {
          clearTimeout(stalled);
          for (; owed > 0; owed -= 1) target.more(id);
        });
      } else if (m.kind === 'end')
        res.end(Buffer.from(m.data.buffer, m.data.byteOffset, m.data.byteLength));
      else if (m.kind === 'cut') {
        if (res.headersSent) res.destroy();
        else unavailable(res, m.why);
      }
    });
    if (!started) {
      free();
      unavailable(res, target.down() ?? 'it is stopping');
    }
  }

  return Object.assign(handle, {
    /**
     * Requests running now; how many were refused (busy), late, dropped (stopped reading),
     * cancelled here, and stopped where they ran (aborted).
     */
    stats: () => ({ running, ...stats }),
  });
}
