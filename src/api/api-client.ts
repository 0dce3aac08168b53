import type * as z from 'zod/mini';
import { describeIssue, firstIssue } from '../core/pool-schema';
import { pauseEndsAt } from '../core/retry-after';
import { isPauseStatus } from '../core/upstream';
import { ApiError, isApiError, toApiError } from './errors';

/**
 * The one way the browser asks anything: a GET of a path of the exchange through the proxy
 * (`/fapi/…`) or of the dashboard's own API (`/api/…`), its answer checked by a zod schema,
 * every failure an ApiError in words.
 */

/** The client gives up a little after the server's own 10 s limit, in case the server itself is gone. */
const CLIENT_TIMEOUT_MS = 15_000;

export interface Snapshot<T> {
  data: T;
  /** The answer came from the built-in demo upstream. */
  demo: boolean;
  /** When the answer left the upstream (the proxy may have served it from its cache). */
  fetchedAt: number;
}

/**
 * A time before which no request leaves, set by a 429 or 418 on any path: the exchange limits a
 * whole address, so a pause holds for every path, as the server's own guard does. No retry,
 * refresh or second view asks anything before its `Retry-After` has passed. A 429 of the
 * server's own budget (`x-proxy-error: over-budget`) is no pause of the exchange's.
 */
const pause = { until: 0, kind: 'rate-limited' as 'rate-limited' | 'banned' };

/** When anything may be asked again; 0 (or a time gone by) when nothing is paused. */
export function pausedUntil(): number {
  return pause.until;
}

/** Forgets a pause (a fresh page, a test). */
export function resetPause(): void {
  pause.until = 0;
}

export type QueryParams = Record<string, string | number | undefined>;

export function urlOf(path: string, params: QueryParams): string {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(params))
    if (value !== undefined) search.set(name, String(value));
  const text = search.toString();
  return text ? `${path}?${text}` : path;
}

/** The dashboard's own API: its failures are the history's (`not-recorded`, `history-unavailable`). */
const isServerPath = (path: string) => path.startsWith('/api/');

function field(body: unknown, name: 'msg' | 'code'): unknown {
  return typeof body === 'object' && body !== null && name in body
    ? (body as Record<string, unknown>)[name]
    : undefined;
}

function errorFor(response: Response, body: unknown, path: string, params: QueryParams): ApiError {
  const { status } = response;
  const msg = field(body, 'msg');
  const detail = typeof msg === 'string' ? msg : undefined;
  const server = isServerPath(path);
  const retryAfter = response.headers.get('retry-after');
  if (isPauseStatus(status)) {
    const retryAt = pauseEndsAt(retryAfter, Date.now());
    const kind = status === 418 ? 'banned' : 'rate-limited';
    // The server holding back one kind of question for its own budget (a lookup, the heavier
    // index) delays that question alone; the exchange's pause holds every path.
    if (response.headers.get('x-proxy-error') !== 'over-budget')
      Object.assign(pause, { until: retryAt, kind });
    return new ApiError(server ? 'history-unavailable' : kind, {
      status,
      retryAt,
      detail: detail ?? `HTTP ${status}`,
    });
  }
  if (server) {
    // The server's store is busy: this path waits as it asks, the exchange's paths do not.
    if (status === 503 && retryAfter !== null)
      return new ApiError('history-unavailable', {
        status,
        retryAt: pauseEndsAt(retryAfter, Date.now()),
        detail: detail ?? `HTTP ${status}`,
      });
    const symbol = typeof params.symbol === 'string' ? params.symbol : undefined;
    if (status === 404) return new ApiError('not-recorded', { status, symbol, detail });
    return new ApiError('history-unavailable', { status, detail: detail ?? `HTTP ${status}` });
  }
  // Only a question about a symbol can be answered "no such symbol": a 400 on the pool list is
  // the exchange's (or a proxy's) own fault, reported as such, never as `"" is not a symbol`.
  const code = field(body, 'code');
  const symbol = typeof params.symbol === 'string' ? params.symbol : undefined;
  if (symbol !== undefined && status === 400 && (code === -1121 || code === -1100))
    return new ApiError('invalid-symbol', { status, symbol, detail });
  const proxyError = response.headers.get('x-proxy-error');
  if (status === 504 || proxyError === 'timeout')
    return new ApiError('timeout', { status, detail });
  if (proxyError === 'unreachable') return new ApiError('unreachable', { status, detail });
  if (proxyError === 'not-json') return new ApiError('bad-response', { status, detail });
  return new ApiError('upstream', { status, detail: detail ?? `HTTP ${status}` });
}

/** A successful answer's body, checked against its schema; a body that does not fit is an ApiError. */
export function snapshotOf<T>(
  schema: z.ZodMiniType<T>,
  body: unknown,
  meta: { status: number; demo: boolean; fetchedAt: number },
): Snapshot<T> {
  const parsed = schema.safeParse(body);
  if (!parsed.success)
    throw new ApiError('bad-response', {
      status: meta.status,
      detail: describeIssue(parsed.error),
      issue: firstIssue(parsed.error),
    });
  return { data: parsed.data, demo: meta.demo, fetchedAt: meta.fetchedAt };
}

/**
 * The last good answer read on each path, with its text and its schema: the pool list, the
 * overview and the events stand still between two recordings, and a wall asks again every few
 * seconds. An answer whose text is the one read last is given back as the data read then,
 * neither parsed nor checked again, and the same object keeps every part of the page drawn from
 * it as it was. One per path: the memory does not grow with the questions asked.
 */
const lastRead = new Map<string, { url: string; text: string; schema: unknown; data: unknown }>();

async function read(url: string, signal: AbortSignal | undefined) {
  const timeout = AbortSignal.timeout(CLIENT_TIMEOUT_MS);
  const response = await fetch(url, {
    signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
    // As index.html preloads the pool list (no custom headers, `crossorigin="anonymous"`), so
    // the first call takes the preloaded answer. The proxy forwards no cookie upstream.
    credentials: 'same-origin',
  });
  return { response, text: await response.text() };
}

/** The failure of a path of the dashboard's own API, in its words: the history cannot be had. */
function asServerError(error: ApiError): ApiError {
  if (error.kind === 'not-recorded' || error.kind === 'history-unavailable') return error;
  const { status, detail, issue, retryAt } = error;
  return new ApiError('history-unavailable', { status, detail, issue, retryAt });
}

async function requestOnce<T>(
  path: string,
  params: QueryParams,
  schema: z.ZodMiniType<T>,
  signal: AbortSignal | undefined,
): Promise<Snapshot<T>> {
  if (Date.now() < pause.until)
    throw new ApiError(pause.kind, { retryAt: pause.until, detail: 'waiting for Retry-After' });
  const url = urlOf(path, params);
  let answer: Awaited<ReturnType<typeof read>>;
  try {
    answer = await read(url, signal);
  } catch (error) {
    if (signal?.aborted) throw error;
    throw toApiError(error);
  }
  const { response, text } = answer;
  const fetched = Number(response.headers.get('x-fetched-at'));
  const meta = {
    status: response.status,
    demo: response.headers.get('x-demo-data') === '1',
    fetchedAt: Number.isFinite(fetched) && fetched > 0 ? fetched : Date.now(),
  };
  const last = lastRead.get(path);
  if (response.ok && last && last.url === url && last.text === text && last.schema === schema)
    return { data: last.data as T, demo: meta.demo, fetchedAt: meta.fetchedAt };
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new ApiError('bad-response', {
      status: response.status,
      detail: `HTTP ${response.status}, body is not JSON`,
    });
  }
  if (!response.ok) throw errorFor(response, body, path, params);
  const snapshot = snapshotOf(schema, body, meta);
  lastRead.set(path, { url, text, schema, data: snapshot.data });
  return snapshot;
}

/**
 * One GET of `path` with `params`, its answer checked by `schema`. Errors are always ApiError:
 * of the exchange's kinds on its paths, `not-recorded` or `history-unavailable` on the server's.
 */
export async function request<T>(
  path: string,
  params: QueryParams,
  schema: z.ZodMiniType<T>,
  signal?: AbortSignal,
): Promise<Snapshot<T>> {
  if (!isServerPath(path)) return requestOnce(path, params, schema, signal);
  try {
    return await requestOnce(path, params, schema, signal);
  } catch (error) {
    throw isApiError(error) ? asServerError(error) : error;
  }
}
