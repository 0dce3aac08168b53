import { Worker } from 'node:worker_threads';
import type { DemoPool } from '../demo/market.ts';
import type { Answer, RecorderStatus } from '../history/recorder.ts';
import type { Asked, FromWorker, ToWorker, WorkerSettings } from './protocol.ts';
import { workerScript } from './worker-script.ts';

/** Where the recorder takes the pool list and the asset index from: the main thread's proxy. */
export type RecordSource = Record<Asked, () => Promise<Answer>>;

export type Response = Extract<FromWorker, { kind: 'response' }>;

export interface HistoryThreadOptions {
  settings: WorkerSettings;
  log: (line: string) => void;
  /** The pause before restarting a worker that stopped, doubling from `first` up to `max`. */
  restartMs?: { first: number; max: number };
  /** A worker that ran this long before it stopped is restarted after the first pause again. */
  healthyMs?: number;
  /** Run once the thread has ended at `close()` (the demo removes its temporary store). */
  afterClose?: () => void;
}

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: Error) => void;
  const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)));
  promise.catch(() => undefined);
  return { promise, resolve, reject };
}

/**
 * The history's worker thread, seen from the main thread: started at once, restarted with a
 * growing pause whenever it stops, asked for answers (`request`), answering its questions from
 * `attach`'s source, and keeping its latest status so `/api/health` is answered at once.
 */
export function startHistoryThread(options: HistoryThreadOptions) {
  const { log } = options;
  const restart = options.restartMs ?? { first: 1_000, max: 30_000 };
  let worker: Worker | null = null;
  let running = false;
  let closing = false;
  let status: RecorderStatus | null = null;
  let down: string | null = 'the history is starting';
  let pause = restart.first;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let last = 0;
  const waiting = new Map<number, (r: Response | null) => void>();
  const recordings = new Map<number, () => void>();
  const source = deferred<RecordSource>();
  const started = deferred<void>();
  const market = deferred<DemoPool[]>();
  const filled = deferred<{ ms: number; error: string | null }>();
  const exited = new Set<() => void>();

  async function answerAsk(w: Worker, id: number, what: Asked) {
    try {
      if (closing) throw new Error('the server is stopping');
      const a = await (await source.promise)[what]();
      const answer: Answer = {
        status: a.status,
        body: a.body,
        demo: a.demo,
        fetchedAt: a.fetchedAt,
      };
      w.postMessage({ kind: 'answer', id, answer } satisfies ToWorker);
    } catch (error) {
      w.postMessage({ kind: 'answer', id, error: (error as Error).message } satisfies ToWorker);
    }
  }

  function onMessage(w: Worker, m: FromWorker) {
    if (m.kind === 'ready') {
      running = true;
      down = null;
      status = m.status;
      started.resolve();
    } else if (m.kind === 'status') status = m.status;
    else if (m.kind === 'ask') void answerAsk(w, m.id, m.what);
    else if (m.kind === 'response') {
      waiting.get(m.id)?.(m);
      waiting.delete(m.id);
    } else if (m.kind === 'recorded') {
      recordings.get(m.id)?.();
      recordings.delete(m.id);
    } else if (m.kind === 'log') log(m.line);
    else if (m.kind === 'market') market.resolve(m.market);
    else if (m.kind === 'filled') filled.resolve({ ms: m.ms, error: m.error });
  }

  function onExit(code: number, reason: string | null, since: number) {
    worker = null;
    running = false;
    for (const answer of waiting.values()) answer(null);
    waiting.clear();
    for (const done of recordings.values()) done();
    recordings.clear();
    for (const done of exited) done();
    market.reject(new Error('the history worker stopped before the demo market was made'));
    filled.resolve({ ms: 0, error: 'the history worker stopped' });
    started.resolve();
    if (closing) return;
    if (Date.now() - since >= (options.healthyMs ?? 60_000)) pause = restart.first;
    down = `the history worker stopped (${reason ?? `exit code ${code}`}); it starts again in ${pause / 1000} s`;
    log(`history: ${down}`);
    timer = setTimeout(() => void spawn(false), pause);
    timer.unref();
    pause = Math.min(pause * 2, restart.max);
  }

  async function spawn(first: boolean) {
    timer = undefined;
    if (closing) return;
    let url: URL;
    try {
      url = await workerScript();
    } catch (error) {
      return onExit(1, `its script could not be made: ${(error as Error).message}`, Date.now());
    }
    if (closing) return;
    const since = Date.now();
    let reason: string | null = null;
    // The demo's past is generated once; a worker started again reopens its store as it is.
    const settings = { ...options.settings, seedDemo: first && options.settings.seedDemo };
    const w = new Worker(url, { workerData: settings });
    worker = w;
    w.on('message', (m: FromWorker) => onMessage(w, m));
    w.on('error', (error) => (reason = error.message));
    w.on('exit', (code) => onExit(code, reason, since));
  }
  void spawn(true);

  return {
    /** Where its store is, for a reader of its own (the history file's download). */
    settings: options.settings,
    /** Settles once the first worker is ready, or has stopped (the server starts either way). */
    started: started.promise,
    /** The demo: the market its generated history ends at. */
    market: market.promise,
    /** The demo: once its generated history is stored. */
    filled: filled.promise,
    /** The recorder's source; recordings wait for it. */
    attach(s: RecordSource) {
      source.resolve(s);
    },
    /** The worker's last status, and why it is not running if it is not (`null`: it is). */
    status: () => ({ status, down: running ? null : down }),
    /** Sends a request; `null` when no worker answers it (stopped or stopping). */
    request(path: string, query: string, encodings: string): Promise<Response | null> {
      if (!worker || !running || closing) return Promise.resolve(null);
      const id = (last += 1);
      const answered = new Promise<Response | null>((resolve) => waiting.set(id, resolve));
      worker.postMessage({ kind: 'request', id, path, query, encodings } satisfies ToWorker);
      return answered;
    },
    /** One recording now (tests, the benchmark); resolves once it is over. */
    recordOnce(): Promise<void> {
      if (!worker || !running) return Promise.resolve();
      const id = (last += 1);
      const done = new Promise<void>((resolve) => recordings.set(id, resolve));
      worker.postMessage({ kind: 'record', id } satisfies ToWorker);
      return done;
    },
    /** The running worker (tests stop it to see the server survive). */
    worker: () => worker,
    /** Stops recording, lets a write in flight finish, closes the store and ends the thread. */
    async close(graceMs = 2_500) {
      closing = true;
      if (timer) clearTimeout(timer);
      source.reject(new Error('the server is stopping'));
      const w = worker;
      if (w) {
        const gone = new Promise<void>((resolve) => exited.add(resolve));
        w.postMessage({ kind: 'close' } satisfies ToWorker);
        const late = setTimeout(() => void w.terminate(), graceMs);
        await gone;
        clearTimeout(late);
      }
      options.afterClose?.();
    },
  };
}
export type HistoryThread = ReturnType<typeof startHistoryThread>;
