import type { StoreError } from './connection.ts';

/**
 * Whether the database answers, and the reconnection attempts while it does not: after a
 * failure a probe runs after `first` ms, then twice as long each time up to `max`, until one
 * answers. A loss is logged once, and so is its coming back, never each attempt.
 */
export function health(log: (line: string) => void, name: string) {
  let problem: string | null = null;
  let logged: string | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;
  let attempt = 0;
  let probe: (() => Promise<unknown>) | null = null;
  let retry = { first: 500, max: 30_000 };

  function schedule() {
    if (stopped || timer || !probe) return;
    const delay = Math.min(retry.max, retry.first * 2 ** attempt);
    attempt += 1;
    timer = setTimeout(() => {
      timer = undefined;
      probe!().catch(() => schedule());
    }, delay);
    // The attempts never keep a process alive that has nothing else to do.
    timer.unref?.();
  }

  return {
    /**
     * A call failed; only a connection failure degrades the store. `told`: the caller hears of
     * it and reports it (a recording, a request, a command), so it is not logged here as well;
     * what the store finds by itself (a probe, a connection dropped while idle) is.
     */
    failed(error: StoreError, told = false) {
      if (stopped) return;
      // Busy is not lost: said in health until a call gets through, no reconnection attempts.
      if (error.busy) {
        problem = error.message;
        return;
      }
      if (!error.connection) return;
      problem = error.message;
      if (!told && logged !== problem) log(`history: ${(logged = problem)}`);
      schedule();
    },
    /** A call reached the database (or a connection was free again). */
    answered() {
      attempt = 0;
      problem = null;
      if (logged === null) return;
      logged = null;
      log(`history: ${name} answers again`);
    },
    problem: () => problem,
    probe(fn: () => Promise<unknown>, ms?: { first: number; max: number }) {
      probe = fn;
      if (ms) retry = ms;
    },
    stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      timer = undefined;
    },
  };
}
