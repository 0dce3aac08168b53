/**
 * What the proxy answers a viewer, and what the server's own parts (the page renderer, the
 * recorder, the health check) get when they ask for the same data: the status and JSON text as
 * the upstream sent them, or an answer of the proxy's own when it could not or would not ask.
 */

/**
 * Why the proxy answered on its own, sent as `x-proxy-error` so the app can say it in words:
 * `paused` is the exchange's own pause (429/418), `over-budget` this server's holding back.
 */
export type ProxyError =
  'unreachable' | 'timeout' | 'not-json' | 'paused' | 'over-budget' | 'refused';

export interface Answer {
  status: number;
  /** JSON text: the upstream's own, untouched, or `{"code","msg"}` of the proxy's. */
  body: string;
  /** The answer came from the built-in demo upstream. */
  demo: boolean;
  /** When the upstream's answer arrived (ms). */
  fetchedAt: number;
  error?: ProxyError;
  /** `Retry-After` in seconds of an answer this server gives on its own. */
  retryAfterS?: number;
}

/** How an answer was had, sent as `x-cache`. */
export type Outcome = 'MISS' | 'HIT' | 'SHARED' | 'GUARD' | 'LOCAL';

export function errorBody(code: number, msg: string): string {
  return JSON.stringify({ code, msg });
}

export function localAnswer(
  status: number,
  code: number,
  msg: string,
  error: ProxyError,
  now: number,
  retryAfterS?: number,
): Answer {
  return { status, body: errorBody(code, msg), demo: false, fetchedAt: now, error, retryAfterS };
}
