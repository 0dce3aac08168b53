import { USED_WEIGHT_HEADER } from '../../src/core/upstream.ts';
import { localAnswer, type Answer } from './answer.ts';

/** What one call to the upstream brought back, besides the answer itself. */
export interface CallResult {
  answer: Answer;
  /** `Retry-After` as sent with a 429 or 418 (raw), for the pause guard. */
  retryAfter: string | null;
  /** `X-MBX-USED-WEIGHT-1M`: the weight this IP has used at the exchange in the current minute. */
  usedWeight: number | undefined;
}

export interface UpstreamCallOptions {
  timeoutMs: number;
  maxBodyBytes: number;
  now: () => number;
}

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/** The body as text, or `undefined` once it grows past `maxBytes` (the rest is not read). */
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

function reasonOf(error: unknown): string {
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
  if (!(cause instanceof Error)) return 'unknown error';
  return ('code' in cause && String(cause.code)) || cause.message;
}

/**
 * One GET of the upstream: no cookie, no authorization, no redirect followed, a bounded body
 * and a time limit. Whatever goes wrong becomes a JSON answer the app can put in words.
 */
export async function callUpstream(url: string, options: UpstreamCallOptions): Promise<CallResult> {
  const { now, timeoutMs, maxBodyBytes } = options;
  const fail = (status: number, msg: string, error: 'unreachable' | 'timeout' | 'not-json') => ({
    answer: localAnswer(status, error === 'timeout' ? -1007 : -1, msg, error, now()),
    retryAfter: null,
    usedWeight: undefined,
  });
  let response: Response;
  try {
    response = await fetch(url, {
      headers: { accept: 'application/json' },
      redirect: 'error',
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (error) {
    const name = error instanceof Error ? error.name : '';
    if (name === 'TimeoutError' || name === 'AbortError')
      return fail(504, `The upstream did not answer within ${timeoutMs / 1000} s.`, 'timeout');
    return fail(502, `The upstream could not be reached (${reasonOf(error)}).`, 'unreachable');
  }
  const status = response.status;
  let body: string | undefined;
  try {
    body = await readBounded(response, maxBodyBytes);
  } catch {
    return fail(502, `The upstream's answer (HTTP ${status}) broke off.`, 'not-json');
  }
  if (body === undefined)
    return fail(
      502,
      `The upstream's answer (HTTP ${status}) was larger than ${maxBodyBytes} bytes.`,
      'not-json',
    );
  const weight = Number(response.headers.get(USED_WEIGHT_HEADER));
  const extra = {
    retryAfter: response.headers.get('retry-after'),
    usedWeight: Number.isFinite(weight) && weight >= 0 ? weight : undefined,
  };
  const demo = response.headers.get('x-demo-data') === '1';
  if (!isJson(body)) {
    const pause = status === 429 || status === 418;
    const answer = localAnswer(
      pause ? status : 502,
      -1,
      `The upstream answered HTTP ${status} with a body that is not JSON.`,
      'not-json',
      now(),
    );
    return { answer: { ...answer, demo }, ...extra };
  }
  return { answer: { status, body, demo, fetchedAt: now() }, ...extra };
}
