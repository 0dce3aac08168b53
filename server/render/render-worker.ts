import { Worker } from 'node:worker_threads';
import type { PrerenderInput, PrerenderOutput } from '../../src/core/prerender.ts';

/**
 * The page renderer in a thread of its own: a render of 40 pools holds a thread for 30-40 ms, of
 * 600 pools for 200 ms, and the server's main thread meanwhile keeps answering the proxy, the
 * files and the pages it already has. The worker loads the same server bundle and renders one
 * page at a time; the script is plain JavaScript so it runs the same from source and built.
 */
const SCRIPT = `
const { parentPort, workerData } = require('node:worker_threads');
import(workerData.bundle).then(
  (entry) => {
    parentPort.on('message', ({ id, input }) => {
      try {
        parentPort.postMessage({ id, output: entry.prerender(input) });
      } catch (error) {
        parentPort.postMessage({ id, error: String(error && error.stack || error) });
      }
    });
    parentPort.postMessage({ ready: true });
  },
  (error) => parentPort.postMessage({ failed: String(error) }),
);
`;

type Reply =
  { ready: true } | { failed: string } | { id: number; output?: PrerenderOutput; error?: string };

export interface RenderThread {
  render(input: PrerenderInput): Promise<PrerenderOutput | undefined>;
  close(): Promise<void>;
}

/** Starts the thread; resolves once the bundle is loaded in it, rejects if it cannot be. */
export function startRenderThread(bundleUrl: string): Promise<RenderThread> {
  const worker = new Worker(SCRIPT, { eval: true, workerData: { bundle: bundleUrl } });
  worker.unref();
  const pending = new Map<
    number,
    { resolve: (o: PrerenderOutput | undefined) => void; reject: (e: Error) => void }
  >();
  let nextId = 1;
  const failAll = (error: Error) => {
    for (const p of pending.values()) p.reject(error);
    pending.clear();
  };
  return new Promise((resolve, reject) => {
    worker.on('error', (error) => {
      reject(error);
      failAll(error);
    });
    worker.on('exit', () => failAll(new Error('the render thread stopped')));
    worker.on('message', (reply: Reply) => {
      if ('ready' in reply) {
        resolve({
          render(input) {
            const id = nextId++;
            return new Promise((res, rej) => {
              pending.set(id, { resolve: res, reject: rej });
              worker.postMessage({ id, input });
            });
          },
          async close() {
            await worker.terminate();
          },
        });
        return;
      }
      if ('failed' in reply) {
        reject(new Error(reply.failed));
        return;
      }
      const p = pending.get(reply.id);
      pending.delete(reply.id);
      if (!p) return;
      if (reply.error !== undefined) p.reject(new Error(reply.error));
      else p.resolve(reply.output ?? undefined);
    });
  });
}
