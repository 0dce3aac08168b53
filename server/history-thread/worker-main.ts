/**
 * The history's own thread: the store, the recorder, the levels' catch-up and the API's
 * requests run here, so the server's main thread (the proxy, the pages, the files) never waits
 * behind them. The main thread hands over what it took through its proxy for each recording, and
 * each request (protocol.ts); nothing is asked of it. Built beside the production server as
 * history-worker.js; bundled on the fly elsewhere (worker-script.ts).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { demoIndexValuesAt } from '../demo/asset-index.ts';
import { seedDemoHistory } from '../demo/history-seed.ts';
import type { HistoryAdapter } from '../history/adapter.ts';
import { createHistoryThreadParts } from '../history/history-parts.ts';
import { openStore } from '../history/open-store.ts';
import type { Answer } from '../history/recorder.ts';
import { jobRunner } from './jobs.ts';
import type { Asked, FromWorker, JobOut, Taken, ToWorker, WorkerSettings } from './protocol.ts';

const port = parentPort!;
const settings = workerData as WorkerSettings;
const send = (message: FromWorker, transfer: ArrayBuffer[] = []) =>
  port.postMessage(message, transfer);

/** A body moved to the main thread rather than copied, when it owns its whole buffer. */
function moved(out: JobOut): ArrayBuffer[] {
  const data = 'data' in out ? out.data : 'body' in out ? out.body : undefined;
  return data &&
    data.buffer instanceof ArrayBuffer &&
    data.byteOffset === 0 &&
    data.byteLength === data.buffer.byteLength
    ? [data.buffer]
    : [];
}
const log = (line: string) => send({ kind: 'log', line });

let store: HistoryAdapter;
try {
  store = await openStore(settings, log);
} catch (error) {
  // Settings that cannot work (a DATABASE_URL of another kind): starting again would not help.
  send({ kind: 'fatal', message: (error as Error).message });
  process.exit(1);
}
if (settings.seedDemo) {
  const seeded = seedDemoHistory({ store, indexAt: demoIndexValuesAt });
  send({ kind: 'market', market: seeded.market, snapshots: seeded.snapshots });
  void seeded.filled.then((filled) => send({ kind: 'filled', ...filled }));
}

/** What the main thread handed over for the recording in progress. */
let handed: Partial<Record<Asked, Taken>> = {};
const take = (what: Asked) => async (): Promise<Answer> => {
  const taken = handed[what];
  if (!taken) throw new Error(`no ${what} was handed over`);
  if ('error' in taken) throw new Error(taken.error);
  return taken.answer;
};

let said = '';
/** The status goes to the main thread whenever it changes, so `/api/health` answers at once. */
function sayStatus() {
  const status = parts.status();
  const text = JSON.stringify(status);
  if (text === said) return;
  said = text;
  send({ kind: 'status', status });
}

/** The ADL risk ratings handed over for the reading in progress, and when they were taken. */
let adlHanded: { taken: Taken; at: number } | null = null;
// The recorders and the alerts (judged here after each recording, the `adl` rules against the
// latest ratings the store holds). The timers are the main thread's, never started here: the
// intervals say whether, and how often, each is recorded.
const parts = await createHistoryThreadParts({
  settings,
  store,
  everyMs: settings.everyMs,
  poolList: take('poolList'),
  assetIndex: take('assetIndex'),
  adlRisk: async (): Promise<Answer> => {
    const taken = adlHanded?.taken;
    if (!taken) throw new Error('no ADL risk ratings were handed over');
    if ('error' in taken) throw new Error(taken.error);
    return taken.answer;
  },
  adlEveryMs: settings.adlEveryMs ?? 0,
  adlNow: () => adlHanded?.at ?? Date.now(),
  timers: false,
  log,
  onRecorded: sayStatus,
  alertsFile: settings.alertsFile,
});
const { recorder, adl, alerts } = parts;
const runner = jobRunner(store, Date.now, adl.status, alerts.answer);
const watch = setInterval(sayStatus, 2_000);
watch.unref();

async function close() {
  clearInterval(watch);
  let code = 0;
  try {
    await parts.close();
  } catch (error) {
    log(`history: the store could not be closed: ${(error as Error).message}`);
    code = 1;
  }
  port.close();
  if (code !== 0) process.exit(code);
}

port.on('message', (m: ToWorker) => {
  if (m.kind === 'job') runner.start(m.job, (out) => send({ kind: 'job', out }, moved(out)));
  else if (m.kind === 'cancel') runner.cancel(m.id);
  else if (m.kind === 'more') runner.more(m.id);
  else if (m.kind === 'record') {
    handed = m.taken;
    void recorder.recordOnce().then(() => send({ kind: 'recorded', id: m.id }));
  } else if (m.kind === 'recordAdl') {
    adlHanded = { taken: m.taken, at: m.at };
    void adl.recordOnce().then(() => send({ kind: 'recorded', id: m.id }));
  } else if (m.kind === 'close') void close();
});
send({ kind: 'ready', status: parts.status() });
