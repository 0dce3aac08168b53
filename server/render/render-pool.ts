import { Piscina } from 'piscina';
import type { PrerenderInput, PrerenderOutput } from '../../src/core/prerender.ts';

/**
 * The page renderer in a thread of its own, run by piscina: a render of 40 pools holds a thread
 * for 30-40 ms, of 600 pools for 200 ms, and the server's main thread meanwhile keeps answering
 * the proxy, the files and the pages it already has. Piscina gives every render the bounds the
 * server needs: a queue that refuses past `maxQueue` (the page then goes out as the plain shell),
 * a timeout and a caller's cancellation through an AbortSignal (a render still running is
 * stopped with its thread), and a new thread in place of one that died.
 */
export interface RenderPoolOptions {
  /** Threads rendering at once. */
  threads?: number;
  /** Renders waiting for a thread; one more is refused as `busy`. */
  maxQueue?: number;
  /** Longest render; past it the render is stopped and the page goes out without it. */
  timeoutMs?: number;
}

export const RENDER_DEFAULTS: Required<RenderPoolOptions> = {
  threads: 1,
  maxQueue: 4,
  timeoutMs: 5_000,
};

/** The render was not tried: the queue is full. */
export class RenderBusy extends Error {
  constructor() {
    super('the page renderer is busy');
    this.name = 'RenderBusy';
  }
}

export interface RenderPool {
  render(input: PrerenderInput, signal?: AbortSignal): Promise<PrerenderOutput | undefined>;
  /** Renders running and waiting. */
  load(): { running: number; queued: number };
  close(): Promise<void>;
}

/** The renderer of a server bundle (a file exporting `prerender`), its threads started now. */
export function startRenderPool(bundleFile: string, options: RenderPoolOptions = {}): RenderPool {
  const o = { ...RENDER_DEFAULTS, ...options };
  const pool = new Piscina<PrerenderInput, PrerenderOutput | null | undefined>({
    filename: bundleFile,
    name: 'prerender',
    minThreads: o.threads,
    maxThreads: o.threads,
    maxQueue: o.maxQueue,
    idleTimeout: Number.POSITIVE_INFINITY,
    // A render is stopped with its thread: the pool says so at once rather than waiting for it.
    closeTimeout: 1_000,
  });
  // A thread that dies is replaced by piscina; its render's caller gets the error.
  pool.on('error', () => undefined);
  let inFlight = 0;
  return {
    async render(input, signal) {
      // Counted here rather than read from piscina's queue, which holds a task only once no thread takes it.
      if (inFlight >= o.threads + o.maxQueue) throw new RenderBusy();
      const timeout = AbortSignal.timeout(o.timeoutMs);
      inFlight += 1;
      try {
        const output = await pool.run(input, {
          signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
        });
        return output ?? undefined;
      } catch (error) {
        if (error instanceof Error && /queue is at limit/i.test(error.message))
          throw new RenderBusy();
        if (timeout.aborted)
          throw new Error(`the render took longer than ${o.timeoutMs} ms and was stopped`);
        throw error;
      } finally {
        inFlight -= 1;
      }
    },
    load: () => ({
      running: Math.min(inFlight, o.threads),
      queued: Math.max(0, inFlight - o.threads),
    }),
    close: () => pool.destroy(),
  };
}
