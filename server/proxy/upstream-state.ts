import type { Answer } from './answer.ts';

/** How the upstream is doing, as `/api/health` reports it. */
export type UpstreamHealth = 'unknown' | 'ok' | 'failing' | 'paused';

export interface UpstreamStatus {
  state: UpstreamHealth;
  /** When the last good (200) answer of the pool list arrived. */
  lastGoodAt: number | null;
  /** The last failure in words, while failing or paused. */
  lastError: string | null;
  /** Since when the state holds. */
  since: number | null;
}

function messageOf(answer: Answer): string {
  try {
    const msg = (JSON.parse(answer.body) as { msg?: unknown }).msg;
    if (typeof msg === 'string') return `HTTP ${answer.status}: ${msg}`;
  } catch {
    // the status alone says it
  }
  return `HTTP ${answer.status}`;
}

/**
 * Follows the pool list's answers from the upstream, and writes one log line each time the
 * upstream's state changes (never one per request: a wall of screens would flood the log).
 */
export function createUpstreamState(log: (line: string) => void, now: () => number) {
  const status: UpstreamStatus = {
    state: 'unknown',
    lastGoodAt: null,
    lastError: null,
    since: null,
  };

  function enter(state: UpstreamHealth, error: string | null) {
    status.lastError = error;
    if (status.state === state) return;
    status.state = state;
    status.since = now();
    log(
      state === 'ok'
        ? 'upstream: answering'
        : state === 'paused'
          ? `upstream: asked for a pause (${error})`
          : `upstream: failing (${error})`,
    );
  }

  return {
    /** Notes an answer that came from the upstream itself (not the cache, not a refusal of ours). */
    observe(answer: Answer) {
      if (answer.status === 200) {
        status.lastGoodAt = answer.fetchedAt;
        enter('ok', null);
      } else if (answer.status === 429 || answer.status === 418) enter('paused', messageOf(answer));
      else if (answer.status >= 500 || answer.error) enter('failing', messageOf(answer));
    },
    status(): UpstreamStatus {
      return { ...status };
    },
  };
}
