/** An answer's body as JSON, or `undefined` where it is not JSON (the schema then says no). */
export function parseJson(body: string): unknown {
  try {
    return JSON.parse(body) as unknown;
  } catch {
    return undefined;
  }
}

/**
 * Runs `run` now and every `everyMs` (nothing when it is 0), one at a time: a call while one runs
 * joins it. `after` is told when each run ends, whatever its outcome. Shared by the recorders.
 */
export function repeat(everyMs: number, run: () => Promise<void>, after?: () => void) {
  let timer: ReturnType<typeof setInterval> | undefined;
  let inFlight: Promise<void> | null = null;

  function once() {
    inFlight ??= run().finally(() => {
      inFlight = null;
      after?.();
    });
    return inFlight;
  }

  return {
    /** Runs now, then every `everyMs`; does nothing when `everyMs` is 0. */
    start() {
      if (everyMs <= 0 || timer) return;
      void once();
      timer = setInterval(() => void once(), everyMs);
      timer.unref?.();
    },
    /** One run now, or the one in flight. */
    once,
    /** Stops the timer, waiting for a run in flight. */
    async stop() {
      if (timer) clearInterval(timer);
      timer = undefined;
      await inFlight;
    },
  };
}
