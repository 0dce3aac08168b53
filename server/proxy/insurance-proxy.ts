import type { IncomingMessage, ServerResponse } from 'node:http';
import { normalizeSymbol } from '../../src/core/symbol.ts';

/** The one path of the upstream this server forwards. */
export const ENDPOINT = '/fapi/v1/insuranceBalance';

export interface ProxyOptions {
  /** Base URL of the USDⓈ-M futures REST host, e.g. `https://fapi.binance.com`. */
  upstream: string;
  /** How long one upstream answer serves every viewer; 0 turns the cache off. */
  cacheTtlMs: number;
  /** An upstream silent for this long is answered with 504. */
  timeoutMs?: number;
  /** The cache never holds more answers than this. */
  maxEntries?: number;
  /** Wait after a 429 or 418 that came without a usable `Retry-After`. */
  defaultBackoffMs?: number;
  /**
   * At most this many calls reach the upstream in any 60 s, whoever asks: a client cycling
   * through symbols (each a cache miss) cannot spend this server's IP limit at the exchange.
   */
  maxCallsPerMinute?: number;
  /** An upstream answer larger than this is not read to the end, and answered with 502. */
  maxBodyBytes?: number;
  now?: () => number;
}

export interface ProxyStats {
  upstreamCalls: number;
  cacheHits: number;
  coalesced: number;
  guarded: number;
  /** Answered 429 by this server because the per-minute budget was spent. */
  overBudget: number;
}

/** Why the proxy answered on its own, sent as `x-proxy-error` so the app can say it in words. */
type ProxyError = 'unreachable' | 'timeout' | 'not-json' | 'paused' | 'refused';

export interface Answer {
  status: number;
  body: string;
  demo: boolean;
  fetchedAt: number;
  error?: ProxyError;
  /** `Retry-After` of an answer this server gives on its own. */
  retryAfterS?: number;
}

type Outcome = 'MISS' | 'HIT' | 'SHARED' | 'GUARD' | 'LOCAL';

const MAX_RETRY_AFTER_S = 3 * 24 * 3600;

function json(code: number, msg: string): string {
  return JSON.stringify({ code, msg });
}

/** `Retry-After` in seconds, or as an HTTP date; `undefined` when absent or unreadable. */
export function parseRetryAfter(value: string | null, now: number): number | undefined {
  if (value === null || value.trim() === '') return undefined;
  const trimmed = value.trim();
  let seconds: number;
  if (/^\d+$/.test(trimmed)) seconds = Number(trimmed);
  else {
    const at = Date.parse(trimmed);
    if (Number.isNaN(at)) return undefined;
    seconds = Math.ceil((at - now) / 1000);
  }
  return Math.min(Math.max(seconds, 1), MAX_RETRY_AFTER_S);
}

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/** The body as text, or `undefined` once it grows past `maxBytes`. */
async function readBounded(response: Response, maxBytes: number): Promise<string | undefined> {
  if (!response.body) return '';
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      return undefined;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** Decodes repeatedly, so `%252F` cannot slip past a check as `%2F`. */
function fullyDecoded(path: string): string {
  let current = path;
  for (let i = 0; i < 5; i += 1) {
    let next: string;
    try {
      next = decodeURIComponent(current);
    } catch {
      return current;
    }
    if (next === current) return current;
    current = next;
  }
  return current;
}

/**
 * The insurance-balance proxy as a Connect middleware: forwards one path, shares answers
 * between viewers, and keeps off the upstream while it has asked us to wait.
 */
export function createInsuranceProxy(options: ProxyOptions) {
  const now = options.now ?? Date.now;
  const timeoutMs = options.timeoutMs ?? 10_000;
  const maxEntries = options.maxEntries ?? 256;
  const defaultBackoffMs = options.defaultBackoffMs ?? 60_000;
  const maxCallsPerMinute = options.maxCallsPerMinute ?? 600;
  const maxBodyBytes = options.maxBodyBytes ?? 4 * 1024 * 1024;
  /** When the calls of the last 60 s went out, oldest first. */
  const recentCalls: number[] = [];
  const base = options.upstream.replace(/\/+$/, '');
  const cache = new Map<string, { answer: Answer; expires: number }>();
  const inflight = new Map<string, Promise<Answer>>();
  const guard = { until: 0, status: 429 };
  const stats: ProxyStats = {
    upstreamCalls: 0,
    cacheHits: 0,
    coalesced: 0,
    guarded: 0,
    overBudget: 0,
  };

  function remember(key: string, answer: Answer) {
    if (options.cacheTtlMs <= 0) return;
    const cacheable = answer.status < 500 && answer.status !== 429 && answer.status !== 418;
    if (!cacheable) return;
    const t = now();
    for (const [k, entry] of cache) if (entry.expires <= t) cache.delete(k);
    while (cache.size >= maxEntries) {
      const oldest = cache.keys().next();
      if (oldest.done) break;
      cache.delete(oldest.value);
    }
    cache.set(key, { answer, expires: t + options.cacheTtlMs });
  }

  async function callUpstream(url: string): Promise<Answer> {
    stats.upstreamCalls += 1;
    let response: Response;
    try {
      response = await fetch(url, {
        headers: { accept: 'application/json' },
        redirect: 'error',
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (error) {
      const name = error instanceof Error ? error.name : '';
      if (name === 'TimeoutError' || name === 'AbortError') {
        return answerOf(
          504,
          json(-1007, `The upstream did not answer within ${timeoutMs / 1000} s.`),
          false,
          'timeout',
        );
      }
      const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
      const reason =
        cause instanceof Error
          ? ('code' in cause && String(cause.code)) || cause.message
          : 'unknown error';
      return answerOf(
        502,
        json(-1, `The upstream could not be reached (${reason}).`),
        false,
        'unreachable',
      );
    }
    let body: string | undefined;
    try {
      body = await readBounded(response, maxBodyBytes);
    } catch {
      return answerOf(
        502,
        json(-1, `The upstream's answer (HTTP ${response.status}) broke off.`),
        false,
        'not-json',
      );
    }
    if (body === undefined) {
      return answerOf(
        502,
        json(
          -1,
          `The upstream's answer (HTTP ${response.status}) was larger than ${maxBodyBytes} bytes.`,
        ),
        false,
        'not-json',
      );
    }
    const demo = response.headers.get('x-demo-data') === '1';
    if (response.status === 429 || response.status === 418) {
      const wait = parseRetryAfter(response.headers.get('retry-after'), now());
      guard.until = now() + (wait === undefined ? defaultBackoffMs : wait * 1000);
      guard.status = response.status;
    }
    if (!isJson(body)) {
      const status = response.status === 429 || response.status === 418 ? response.status : 502;
      return answerOf(
        status,
        json(-1, `The upstream answered HTTP ${response.status} with a body that is not JSON.`),
        demo,
        'not-json',
      );
    }
    return answerOf(response.status, body, demo);
  }

  function answerOf(status: number, body: string, demo = false, error?: ProxyError): Answer {
    return { status, body, demo, fetchedAt: now(), error };
  }

  function send(res: ServerResponse, answer: Answer, outcome: Outcome) {
    res.statusCode = answer.status;
    res.setHeader('content-type', 'application/json; charset=utf-8');
    res.setHeader('cache-control', 'no-store');
    res.setHeader('x-cache', outcome);
    res.setHeader('x-fetched-at', String(answer.fetchedAt));
    if (answer.demo) res.setHeader('x-demo-data', '1');
    if (answer.error) res.setHeader('x-proxy-error', answer.error);
    if (answer.status === 429 || answer.status === 418) {
      const left = answer.retryAfterS ?? Math.max(1, Math.ceil((guard.until - now()) / 1000));
      res.setHeader('retry-after', String(left));
    }
    res.end(answer.body);
  }

  /** The answer for one upstream URL: paused, from the cache, shared with a call in flight, or new. */
  async function obtain(key: string): Promise<{ answer: Answer; outcome: Outcome }> {
    const t = now();
    if (guard.until > t) {
      stats.guarded += 1;
      const until = new Date(guard.until).toISOString();
      const msg = `The upstream asked for a pause; it will be asked again after ${until}.`;
      return {
        answer: answerOf(guard.status, json(-1003, msg), false, 'paused'),
        outcome: 'GUARD',
      };
    }
    const cached = cache.get(key);
    if (cached && cached.expires > t) {
      stats.cacheHits += 1;
      return { answer: cached.answer, outcome: 'HIT' };
    }
    const pending = inflight.get(key);
    if (pending) {
      stats.coalesced += 1;
      return { answer: await pending, outcome: 'SHARED' };
    }
    while (recentCalls.length > 0 && recentCalls[0]! <= t - 60_000) recentCalls.shift();
    if (recentCalls.length >= maxCallsPerMinute) {
      stats.overBudget += 1;
      const wait = Math.max(1, Math.ceil((recentCalls[0]! + 60_000 - t) / 1000));
      const msg = `This server has asked the upstream ${maxCallsPerMinute} times in the last minute; it asks again in ${wait} s.`;
      return {
        answer: { ...answerOf(429, json(-1003, msg), false, 'paused'), retryAfterS: wait },
        outcome: 'LOCAL',
      };
    }
    recentCalls.push(t);
    const call = callUpstream(key).then((answer) => {
      remember(key, answer);
      return answer;
    });
    inflight.set(key, call);
    try {
      return { answer: await call, outcome: 'MISS' };
    } finally {
      inflight.delete(key);
    }
  }

  async function respond(key: string, res: ServerResponse) {
    const { answer, outcome } = await obtain(key);
    send(res, answer, outcome);
  }

  /**
   * The pool list as a viewer asking now would get it (same cache, pause and budget), for the
   * server's own use: the page it renders with the pools already in it.
   */
  async function poolList(): Promise<Answer> {
    return (await obtain(base + ENDPOINT)).answer;
  }

  function middleware(req: IncomingMessage, res: ServerResponse, next: (err?: unknown) => void) {
    const raw = req.url ?? '/';
    const queryAt = raw.indexOf('?');
    const path = queryAt === -1 ? raw : raw.slice(0, queryAt);
    if (path !== ENDPOINT) {
      // Any other spelling of an API path is answered here, so it can never fall through to
      // something that forwards it, and the SPA fallback does not answer it with HTML.
      if (/\/+fapi(\/|$)/i.test(fullyDecoded(path).replace(/\\/g, '/'))) {
        const answer = answerOf(
          404,
          json(-1, `Only GET ${ENDPOINT} is served here.`),
          false,
          'refused',
        );
        send(res, answer, 'LOCAL');
        return;
      }
      next();
      return;
    }
    if (req.method !== 'GET') {
      res.setHeader('allow', 'GET');
      send(
        res,
        answerOf(405, json(-1, `Only GET ${ENDPOINT} is served here.`), false, 'refused'),
        'LOCAL',
      );
      return;
    }
    const params = new URLSearchParams(queryAt === -1 ? '' : raw.slice(queryAt + 1));
    const symbols = params.getAll('symbol');
    if (symbols.length > 1) {
      send(
        res,
        answerOf(400, json(-1101, "Duplicate values for parameter 'symbol'."), false, 'refused'),
        'LOCAL',
      );
      return;
    }
    let url = base + ENDPOINT;
    const [symbol] = symbols;
    if (symbol !== undefined) {
      const check = normalizeSymbol(symbol);
      if (!check.ok) {
        send(res, answerOf(400, json(-1121, 'Invalid symbol.'), false, 'refused'), 'LOCAL');
        return;
      }
      url += `?symbol=${encodeURIComponent(check.symbol)}`;
    }
    respond(url, res).catch(next);
  }

  return { middleware, stats, poolList };
}
