import type { Answer } from './answer.ts';

/**
 * One answer per upstream URL serves every viewer for `ttlMs`, and concurrent askers of the same
 * URL share one call in flight: ten wall screens cost the upstream what one does. Errors of the
 * upstream's own (5xx) and pauses (429, 418) are never kept.
 */
export function createAnswerCache(options: {
  ttlMs: number;
  maxEntries: number;
  now: () => number;
}) {
  const { ttlMs, maxEntries, now } = options;
  const entries = new Map<string, { answer: Answer; expires: number }>();
  const inflight = new Map<string, Promise<Answer>>();

  function cacheable(answer: Answer): boolean {
    return ttlMs > 0 && answer.status < 500 && answer.status !== 429 && answer.status !== 418;
  }

  function put(key: string, answer: Answer) {
    if (!cacheable(answer)) return;
    const t = now();
    for (const [k, entry] of entries) if (entry.expires <= t) entries.delete(k);
    while (entries.size >= maxEntries) {
      const oldest = entries.keys().next();
      if (oldest.done) break;
      entries.delete(oldest.value);
    }
    entries.set(key, { answer, expires: t + ttlMs });
  }

  return {
    /** The answer for `key` while it is fresh. */
    fresh(key: string): Answer | undefined {
      const entry = entries.get(key);
      return entry && entry.expires > now() ? entry.answer : undefined;
    },
    /** The call under way for `key`, if any. */
    pending(key: string): Promise<Answer> | undefined {
      return inflight.get(key);
    },
    /** Runs `call` for `key` as the one call in flight, and keeps what it brings. */
    async share(key: string, call: () => Promise<Answer>): Promise<Answer> {
      const promise = call().then((answer) => {
        put(key, answer);
        return answer;
      });
      inflight.set(key, promise);
      try {
        return await promise;
      } finally {
        inflight.delete(key);
      }
    },
    get size() {
      return entries.size;
    },
  };
}

export type AnswerCache = ReturnType<typeof createAnswerCache>;
