import { Worker } from 'node:worker_threads';
import { parseAdlAnswer, type AdlRating } from '../../src/core/adl.ts';
import type { DemoPool } from '../demo/market.ts';
import type { Answer, RecorderStatus } from '../history/recorder.ts';
import type { JobTarget } from './forward-routes.ts';
import type {
  Asked,
  FromWorker,
  Job,
  JobOut,
  Taken,
  ToWorker,
  WorkerSettings,
} from './protocol.ts';
import { workerScript } from './worker-script.ts';

/**
 * Where recordings take the pool list and the asset index from, and the ADL risk ratings on
 * their own timer (`adlEveryMs`): the main thread's proxy.
 */
export type RecordSource = Record<Asked, () => Promise<Answer>> & {
  adlRisk?: () => Promise<Answer>;
};

export interface HistoryThreadOptions {
  settings: WorkerSettings;
  log: (line: string) => void;
  /** The pause before restarting a worker that stopped, doubling from `first` up to `max`. */
  restartMs?: { first: number; max: number };
  /** A worker that ran this long before it stopped is restarted after the first pause again. */
  healthyMs?: number;
  /** A cancelled job that has not stopped after this long stops the thread (it is started again). */
  cancelGraceMs?: number;
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
 * The history's thread, seen from the main thread. It owns the store for good (the recorder's
 * state, the writer's role, the levels' catch-up), so it is one dedicated thread rather than a
 * pool of interchangeable ones, with a pool's bounds: each request is a job that is cancelled
 * when its caller leaves and stopped after its time (forward-routes.ts bounds how many run), a
 * job that does not stop when cancelled stops the thread, and a thread that stops is started
 * again with a growing pause (unless its settings cannot work: then it says why, once). Data
 * goes one way: every `everyMs` the main thread takes the pool list and the asset index through
 * its proxy (`attach`) and hands them over to be recorded, and every `adlEveryMs` the ADL risk
 * ratings the same way.
 */
export function startHistoryThread(options: HistoryThreadOptions) {
  const { log } = options;
  const restart = options.restartMs ?? { first: 1_000, max: 30_000 };
  const graceMs = options.cancelGraceMs ?? 5_000;
  let worker: Worker | null = null;
  let running = false;
  let closing = false;
  let fatal: string | null = null;
  let status: RecorderStatus | null = null;
  let down: string | null = 'the history is starting';
  let pause = restart.first;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let ticker: ReturnType<typeof setInterval> | undefined;
  let adlTicker: ReturnType<typeof setInterval> | undefined;
  let last = 0;
  const jobs = new Map<number, (m: JobOut) => void>();
  const recordings = new Map<number, () => void>();
  let source: RecordSource | undefined;
  const started = deferred<void>();
  const market = deferred<DemoPool[]>();
  const filled = deferred<{ ms: number; error: string | null }>();
  const exited = new Set<(code: number) => void>();
  /** Recording starts once the demo's generated past is in (at once otherwise). */
  const mayRecord = options.settings.seedDemo
    ? filled.promise.then(() => undefined)
    : Promise.resolve();

  const post = (message: ToWorker) => worker?.postMessage(message);

  function onMessage(m: FromWorker) {
    if (m.kind === 'job') {
      const out = jobs.get(m.out.id);
      if (m.out.kind === 'done') jobs.delete(m.out.id);
      out?.(m.out);
    } else if (m.kind === 'ready') {
      running = true;
      down = null;
      status = m.status;
      started.resolve();
    } else if (m.kind === 'fatal') fatal = m.message;
    else if (m.kind === 'status') status = m.status;
    else if (m.kind === 'recorded') {
      recordings.get(m.id)?.();
      recordings.delete(m.id);
    } else if (m.kind === 'log') log(m.line);
    else if (m.kind === 'market') market.resolve(m.market);
    else if (m.kind === 'filled') filled.resolve({ ms: m.ms, error: m.error });
  }

  function onExit(code: number, reason: string | null, since: number) {
    worker = null;
    running = false;
    for (const [id, out] of jobs) {
      out({ kind: 'cut', id, why: 'the history worker stopped' });
      out({ kind: 'done', id, aborted: true });
    }
    jobs.clear();
    for (const done of recordings.values()) done();
    recordings.clear();
    for (const done of exited) done(code);
    market.reject(new Error('the history worker stopped before the demo market was made'));
    filled.resolve({ ms: 0, error: 'the history worker stopped' });
    started.resolve();
    if (closing) return;
    if (fatal !== null) {
      down = `the history cannot start: ${fatal}`;
      log(`history: ${down}; fix the setting and start the server again`);
      return;
    }
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
    w.on('message', onMessage);
    w.on('error', (error) => (reason = error.message));
    w.on('exit', (code) => onExit(code, reason, since));
  }
  void spawn(true);

  /** One answer taken through the proxy, or why not. */
  async function takeOne(ask: () => Promise<Answer>): Promise<Taken> {
    try {
      const a = await ask();
      return { answer: { status: a.status, body: a.body, demo: a.demo, fetchedAt: a.fetchedAt } };
    } catch (error) {
      return { error: (error as Error).message };
    }
  }

  /** Takes every answer a recording needs through the proxy, each answer or why not. */
  async function take(): Promise<Partial<Record<Asked, Taken>>> {
    const taken: Partial<Record<Asked, Taken>> = {};
    if (!source) return taken;
    const asked: Asked[] = ['poolList', 'assetIndex'];
    await Promise.all(
      asked.map(async (what) => {
        taken[what] = await takeOne(source![what]);
      }),
    );
    return taken;
  }

  let recording: Promise<void> | null = null;
  /** One recording: what the proxy holds now, handed over; resolves once it is stored. */
  function recordOnce(): Promise<void> {
    recording ??= (async () => {
      await mayRecord;
      if (!worker || !running || closing) return;
      const taken = await take();
      if (!worker || !running || closing) return;
      const id = (last += 1);
      const done = new Promise<void>((resolve) => recordings.set(id, resolve));
      post({ kind: 'record', id, taken });
      await done;
    })().finally(() => (recording = null));
    return recording;
  }

  /** The ratings of the last good reading taken here, for `/metrics` (no call of its own). */
  let lastAdl: AdlRating[] | null = null;
  const keepAdl = (taken: Taken) => {
    if (!('answer' in taken) || taken.answer.status !== 200) return;
    let parsed: AdlRating[] | null = null;
    try {
      parsed = parseAdlAnswer(JSON.parse(taken.answer.body));
    } catch {
      // Not JSON: the last good ratings stay.
    }
    if (parsed) lastAdl = parsed;
  };

  let adlRecording: Promise<void> | null = null;
  /** One reading of the ADL risk ratings: taken through the proxy, handed over, stored. */
  function recordAdlOnce(): Promise<void> {
    adlRecording ??= (async () => {
      // The first reading waits for the thread: at a slow pace, a skipped one is missed for long.
      await Promise.all([mayRecord, started.promise]);
      const ask = source?.adlRisk;
      if (!ask || !worker || !running || closing) return;
      const at = Date.now();
      const taken = await takeOne(ask);
      keepAdl(taken);
      if (!worker || !running || closing) return;
      const id = (last += 1);
      const done = new Promise<void>((resolve) => recordings.set(id, resolve));
      post({ kind: 'recordAdl', id, taken, at });
      await done;
    })().finally(() => (adlRecording = null));
    return adlRecording;
  }

  const target: JobTarget = {
    start(job: Job, out: (m: JobOut) => void) {
      if (!worker || !running || closing) return false;
      jobs.set(job.id, out);
      post({ kind: 'job', job });
      return true;
    },
    cancel(id: number) {
      if (!jobs.has(id)) return;
      post({ kind: 'cancel', id });
      const w = worker;
      // A job that does not stop holds the thread: it is stopped with the thread, started again.
      const late = setTimeout(() => {
        if (jobs.has(id) && worker === w && w) {
          log(`history: a request did not stop within ${graceMs / 1000} s of its cancelling`);
          void w.terminate();
        }
      }, graceMs);
      late.unref();
    },
    more: (id: number) => {
      if (jobs.has(id)) post({ kind: 'more', id });
    },
    down: () => (running && !closing ? null : (down ?? 'it is stopping')),
  };

  return {
    /** Where its store is. */
    settings: options.settings,
    /** Settles once the first worker is ready, or has stopped (the server starts either way). */
    started: started.promise,
    /** The demo: the market its generated history ends at. */
    market: market.promise,
    /** The demo: once its generated history is stored. */
    filled: filled.promise,
    /** Where recordings take their answers from; they start every `everyMs` from now. */
    attach(s: RecordSource) {
      source = s;
      const every = options.settings.everyMs;
      if (every > 0 && !ticker && !closing)
        void mayRecord.then(() => {
          if (closing || ticker) return;
          void recordOnce();
          ticker = setInterval(() => void recordOnce(), every);
          ticker.unref();
        });
      const adlEvery = options.settings.adlEveryMs ?? 0;
      if (adlEvery > 0 && s.adlRisk && !adlTicker && !closing)
        void mayRecord.then(() => {
          if (closing || adlTicker) return;
          void recordAdlOnce();
          adlTicker = setInterval(() => void recordAdlOnce(), adlEvery);
          adlTicker.unref();
        });
    },
    /** The worker's last status, and why it is not running if it is not (`null`: it is). */
    status: () => ({ status, down: running ? null : down }),
    /** Where the history's routes send their requests (forward-routes.ts). */
    target,
    /** One recording now (tests, the benchmark); resolves once it is over. */
    recordOnce,
    /** One reading of the ADL risk ratings now (tests); resolves once it is stored. */
    recordAdlOnce,
    /** The ratings of the last good reading this thread's timer took through the proxy (`/metrics`). */
    latestAdl: (): AdlRating[] | null => lastAdl,
    /** The running worker (tests stop it to see the server survive). */
    worker: () => worker,
    /** Stops recording, lets a write in flight finish, closes the store and ends the thread. */
    async close(graceMs = 2_000): Promise<{ closed: boolean }> {
      closing = true;
      if (timer) clearTimeout(timer);
      if (ticker) clearInterval(ticker);
      if (adlTicker) clearInterval(adlTicker);
      const w = worker;
      let closed = true;
      if (w) {
        const gone = new Promise<number>((resolve) => exited.add(resolve));
        post({ kind: 'close' });
        const late = setTimeout(() => {
          closed = false;
          void w.terminate();
        }, graceMs);
        // The thread ends with 0 only once its store is closed.
        if ((await gone) !== 0) closed = false;
        clearTimeout(late);
      }
      options.afterClose?.();
      return { closed };
    },
  };
}
export type HistoryThread = ReturnType<typeof startHistoryThread>;
