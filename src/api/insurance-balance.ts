import type * as z from 'zod/mini';
import {
  describeIssue,
  firstIssue,
  poolListSchema,
  poolSchema,
  type Pool,
} from '../core/pool-schema';
import { pauseEndsAt } from '../core/retry-after';
import {
  INSURANCE_BALANCE_PATH as ENDPOINT,
  isPauseStatus,
  type ForwardedPath,
} from '../core/upstream';
import { ApiError, toApiError } from './errors';

/** The client gives up a little after the proxy's own 10 s limit, in case the proxy itself is gone. */
const CLIENT_TIMEOUT_MS = 15_000;

export interface Snapshot<T> {
  data: T;
  /** The answer came from the built-in demo upstream. */
  demo: boolean;
  /** When the answer left the upstream (the proxy may have served it from its cache). */
  fetchedAt: number;
}

/** A time before which no request of a path leaves: set by a 429 or 418 of that path. */
export interface Pause {
  until: number;
  kind: 'rate-limited' | 'banned';
}

export function createPause(): Pause {
  return { until: 0, kind: 'rate-limited' };
}

/**
 * The pool list's pause, so that no retry, refresh or second view asks the endpoint before its
 * `Retry-After` has passed. Other paths of the exchange wait for it too (see `UpstreamRoute`).
 */
export const poolListPause = createPause();
const pause = poolListPause;

export function pausedUntil(): number {
  return pause.until;
}

/** Forgets a pause (a fresh page, a test). */
export function resetPause(): void {
  pause.until = 0;
}

function upstreamMessage(body: unknown): string | undefined {
  if (typeof body === 'object' && body !== null && 'msg' in body && typeof body.msg === 'string')
    return body.msg;
  return undefined;
}

function errorFor(
  response: Response,
  body: unknown,
  symbol: string | undefined,
  pause: Pause,
): ApiError {
  const status = response.status;
  const detail = upstreamMessage(body);
  const code = typeof body === 'object' && body !== null && 'code' in body ? body.code : undefined;
  if (isPauseStatus(status)) {
    pause.until = pauseEndsAt(response.headers.get('retry-after'), Date.now());
    pause.kind = status === 418 ? 'banned' : 'rate-limited';
    return new ApiError(pause.kind, { status, retryAt: pause.until, detail });
  }
  // Only a question about a symbol can be answered "no such symbol": a 400 on the pool list is
  // the exchange's (or a proxy's) own fault, reported as such, never as `"" is not a symbol`.
  if (symbol !== undefined && status === 400 && (code === -1121 || code === -1100))
    return new ApiError('invalid-symbol', { status, symbol, detail });
  const proxyError = response.headers.get('x-proxy-error');
  if (status === 504 || proxyError === 'timeout')
    return new ApiError('timeout', { status, detail });
  if (proxyError === 'unreachable') return new ApiError('unreachable', { status, detail });
  if (proxyError === 'not-json') return new ApiError('bad-response', { status, detail });
  return new ApiError('upstream', { status, detail: detail ?? `HTTP ${status}` });
}

/** A path of the exchange, the pause its own 429 or 418 sets, and the pauses it also waits for. */
export interface UpstreamRoute {
  path: ForwardedPath;
  pause: Pause;
  waitsFor?: readonly Pause[];
}

const POOL_LIST: UpstreamRoute = { path: ENDPOINT, pause };

/** One GET of a path of the exchange (through the proxy), its answer checked by `schema`. */
export async function requestUpstream<T>(
  route: UpstreamRoute,
  schema: z.ZodMiniType<T>,
  symbol: string | undefined,
  signal?: AbortSignal,
): Promise<Snapshot<T>> {
  const now = Date.now();
  const paused = [route.pause, ...(route.waitsFor ?? [])].find((p) => now < p.until);
  if (paused) {
    throw new ApiError(paused.kind, { retryAt: paused.until, detail: 'waiting for Retry-After' });
  }
  const { path } = route;
  const url = symbol === undefined ? path : `${path}?symbol=${encodeURIComponent(symbol)}`;
  const timeout = AbortSignal.timeout(CLIENT_TIMEOUT_MS);
  let response: Response;
  let text: string;
  try {
    response = await fetch(url, {
      signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
      // As index.html preloads the pool list (no custom headers, `crossorigin="anonymous"`), so
      // the first call takes the preloaded answer. The proxy forwards no cookie upstream.
      credentials: 'same-origin',
    });
    text = await response.text();
  } catch (error) {
    if (signal?.aborted) throw error;
    throw toApiError(error);
  }
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new ApiError('bad-response', {
      status: response.status,
      detail: `HTTP ${response.status}, body is not JSON`,
    });
  }
  if (!response.ok) throw errorFor(response, body, symbol, route.pause);
  const fetchedAt = Number(response.headers.get('x-fetched-at'));
  return snapshotOf(schema, body, {
    status: response.status,
    demo: response.headers.get('x-demo-data') === '1',
    fetchedAt: Number.isFinite(fetchedAt) && fetchedAt > 0 ? fetchedAt : Date.now(),
  });
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

/** The pool list from an answer obtained some other way (the server's, inside the page), checked as any other. */
export function poolListSnapshot(
  body: unknown,
  meta: { demo: boolean; fetchedAt: number },
): Snapshot<Pool[]> {
  return snapshotOf(poolListSchema, body, { status: 200, ...meta });
}

/**
 * The one call to the endpoint: without a symbol, every pool; with one (already normalised, see
 * lib/symbol), the pool that covers it. Errors are always ApiError.
 */
export function fetchInsuranceBalance(
  symbol?: undefined,
  signal?: AbortSignal,
): Promise<Snapshot<Pool[]>>;
export function fetchInsuranceBalance(
  symbol: string,
  signal?: AbortSignal,
): Promise<Snapshot<Pool>>;
export function fetchInsuranceBalance(
  symbol?: string,
  signal?: AbortSignal,
): Promise<Snapshot<Pool | Pool[]>> {
  return symbol === undefined
    ? requestUpstream(POOL_LIST, poolListSchema, undefined, signal)
    : requestUpstream(POOL_LIST, poolSchema, symbol, signal);
}
