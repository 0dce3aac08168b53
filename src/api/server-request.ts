import type * as z from 'zod/mini';
import { pauseEndsAt } from '../core/retry-after';
import { isPauseStatus } from '../core/upstream';
import { ApiError, isApiError } from './errors';
import { createPause, snapshotOf, type Pause, type Snapshot } from './insurance-balance';

/** As for the exchange's paths: a little after the server's own limits. */
const CLIENT_TIMEOUT_MS = 15_000;

/**
 * The dashboard's own server (`/api/…`) keeps a pause of its own: a `Retry-After` of the
 * exchange says nothing of the recorded history, which is served from the server's store.
 */
const serverPause = createPause();

export function serverPausedUntil(): number {
  return serverPause.until;
}

export function resetServerPause(): void {
  serverPause.until = 0;
}

export type QueryParams = Record<string, string | number | undefined>;

export function urlOf(path: string, params: QueryParams): string {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(params))
    if (value !== undefined) search.set(name, String(value));
  const text = search.toString();
  return text ? `${path}?${text}` : path;
}

function messageOf(body: unknown): string | undefined {
  if (typeof body === 'object' && body !== null && 'msg' in body && typeof body.msg === 'string')
    return body.msg;
  return undefined;
}

function errorFor(response: Response, body: unknown, params: QueryParams, pause: Pause): ApiError {
  const { status } = response;
  const detail = messageOf(body) ?? `HTTP ${status}`;
  if (isPauseStatus(status) || (status === 503 && response.headers.has('retry-after'))) {
    pause.until = pauseEndsAt(response.headers.get('retry-after'), Date.now());
    pause.kind = status === 418 ? 'banned' : 'rate-limited';
    return new ApiError('history-unavailable', { status, retryAt: pause.until, detail });
  }
  if (status === 404) {
    const symbol = typeof params.symbol === 'string' ? params.symbol : undefined;
    return new ApiError('not-recorded', { status, symbol, detail });
  }
  return new ApiError('history-unavailable', { status, detail });
}

/**
 * The last good answer read on each path, with its text and its schema: the overview and the
 * events stand still between two recordings, and a wall asks again every few seconds. An answer
 * whose text is the one read last is given back as the data read then, neither parsed nor checked
 * again, and the same object keeps every part of the page drawn from it as it was. One per path:
 * the memory does not grow with the questions asked.
 */
const lastRead = new Map<string, { url: string; text: string; schema: unknown; data: unknown }>();

/**
 * One GET of the dashboard's own API, its answer checked by `schema`. Every failure is an
 * ApiError of `not-recorded` (404) or `history-unavailable` (anything else, with what went wrong).
 */
export async function requestServer<T>(
  path: string,
  params: QueryParams,
  schema: z.ZodMiniType<T>,
  signal?: AbortSignal,
): Promise<Snapshot<T>> {
  if (Date.now() < serverPause.until)
    throw new ApiError('history-unavailable', {
      retryAt: serverPause.until,
      detail: 'waiting for Retry-After',
    });
  const timeout = AbortSignal.timeout(CLIENT_TIMEOUT_MS);
  let response: Response;
  let text: string;
  try {
    response = await fetch(urlOf(path, params), {
      signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
      credentials: 'same-origin',
    });
    text = await response.text();
  } catch (error) {
    if (signal?.aborted) throw error;
    const detail = error instanceof Error ? error.message : String(error);
    throw new ApiError('history-unavailable', { detail });
  }
  const url = urlOf(path, params);
  const last = lastRead.get(path);
  if (response.ok && last && last.url === url && last.text === text && last.schema === schema)
    return {
      data: last.data as T,
      demo: response.headers.get('x-demo-data') === '1',
      fetchedAt: Date.now(),
    };
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new ApiError('history-unavailable', {
      status: response.status,
      detail: `HTTP ${response.status}, body is not JSON`,
    });
  }
  if (!response.ok) throw errorFor(response, body, params, serverPause);
  try {
    const snapshot = snapshotOf(schema, body, {
      status: response.status,
      demo: response.headers.get('x-demo-data') === '1',
      fetchedAt: Date.now(),
    });
    lastRead.set(path, { url, text, schema, data: snapshot.data });
    return snapshot;
  } catch (error) {
    if (!isApiError(error)) throw error;
    const { status, detail, issue } = error;
    throw new ApiError('history-unavailable', { status, detail, issue });
  }
}
