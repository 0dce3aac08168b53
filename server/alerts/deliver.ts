/**
 * Sending the outbox: each due notification is claimed in the store (so one server sends it),
 * posted with a 10 s timeout, and marked sent on a 2xx answer; otherwise it is tried again after
 * a growing pause until it has been kept for `giveUpMs` (6 h by default: well over the hour
 * promised). Posting never blocks recording: it runs on its own, and a webhook that hangs costs
 * one timed-out request.
 */
import type { AlertStore, Notification } from './alert-store.ts';
import { notificationBody } from './notify.ts';
import type { Webhook } from './rules.ts';

export const POST_TIMEOUT_MS = 10_000;

export interface RetryPolicy {
  firstMs: number;
  maxMs: number;
  giveUpMs: number;
}
export const DEFAULT_RETRY: RetryPolicy = {
  firstMs: 5_000,
  maxMs: 600_000,
  giveUpMs: 6 * 3_600_000,
};

/** The pause after the `attempts`-th failed attempt: doubling from `firstMs` up to `maxMs`. */
export function pauseAfter(attempts: number, retry: RetryPolicy): number {
  return Math.min(retry.firstMs * 2 ** Math.max(0, attempts - 1), retry.maxMs);
}

export interface PostResult {
  ok: boolean;
  status: number | null;
  /** The answer's first characters, or the failure in words. */
  text: string;
}

/** Posts a JSON body; never throws. */
export async function postJson(
  url: string,
  body: string,
  timeoutMs = POST_TIMEOUT_MS,
): Promise<PostResult> {
  try {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
      redirect: 'error',
      signal: AbortSignal.timeout(timeoutMs),
    });
    const text = (await res.text().catch(() => '')).slice(0, 200);
    return { ok: res.ok, status: res.status, text };
  } catch (error) {
    const e = error as Error & { cause?: { code?: string } };
    const why =
      e.name === 'TimeoutError'
        ? `no answer within ${timeoutMs / 1000} s`
        : (e.cause?.code ?? 'the request failed');
    return { ok: false, status: null, text: why };
  }
}

export interface SenderOptions {
  store: AlertStore;
  webhooks: () => readonly Webhook[];
  retry?: RetryPolicy;
  pollMs?: number;
  timeoutMs?: number;
  now?: () => number;
  log?: (line: string) => void;
}

/** The outbox's sender: `kick()` after a judging, and on its own every `pollMs`. */
export function createSender(options: SenderOptions) {
  const { store, log = () => undefined, now = Date.now } = options;
  const retry = options.retry ?? DEFAULT_RETRY;
  const timeoutMs = options.timeoutMs ?? POST_TIMEOUT_MS;
  const leaseMs = timeoutMs * 3;
  let running: Promise<void> | null = null;
  let again = false;
  let stopped = false;

  async function deliver(n: Notification) {
    const hook = options.webhooks().find((w) => w.name === n.webhook);
    if (!hook) {
      await store.failed(n.id, now(), null, null, 'the webhook is no longer in the rules file');
      return;
    }
    const result = await postJson(
      hook.url,
      notificationBody(hook.format, n.episode, n.status),
      timeoutMs,
    );
    if (result.ok) return store.sent(n.id, now(), result.status!);
    const at = now();
    const giveUp = at - n.createdAt >= retry.giveUpMs;
    const why = result.status === null ? result.text : `HTTP ${result.status}`;
    log(
      `alerts: the ${n.status} notification of "${n.episode.rule}" to webhook "${hook.name}" failed (${why}); ${giveUp ? 'given up' : 'kept, to be sent again'}`,
    );
    await store.failed(
      n.id,
      at,
      giveUp ? null : at + pauseAfter(n.attempts, retry),
      result.status,
      why,
    );
  }

  async function drain() {
    do {
      again = false;
      for (let round = 0; round < 50 && !stopped; round += 1) {
        const due = await store.claim(now(), leaseMs, 20);
        if (due.length === 0) break;
        await Promise.all(
          due.map((n) => deliver(n).catch((e: unknown) => log(`alerts: ${(e as Error).message}`))),
        );
      }
    } while (again && !stopped);
  }

  function kick(): Promise<void> {
    if (stopped) return Promise.resolve();
    if (running) {
      again = true;
      return running;
    }
    running = drain()
      .catch((error: unknown) =>
        log(`alerts: the outbox cannot be read: ${(error as Error).message}`),
      )
      .finally(() => (running = null));
    return running;
  }

  const timer = setInterval(() => void kick(), options.pollMs ?? 2_000);
  timer.unref();
  return {
    kick,
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
