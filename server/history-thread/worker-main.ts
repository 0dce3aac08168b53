/**
 * The history's own thread: the store, the recorder, the levels' catch-up and the API's
 * queries run here, so the server's main thread (the proxy, the pages, the files) never waits
 * behind them. The pool list and the asset index are asked of the main thread, which answers
 * from its proxy (its cache, in-flight sharing, pause and budget). Built beside the production
 * server as history-worker.js; bundled on the fly elsewhere (worker-script.ts).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { demoIndexValuesAt } from '../demo/asset-index.ts';
import { seedDemoHistory } from '../demo/history-seed.ts';
import { createHistoryParts, type HistoryParts } from '../history/history-parts.ts';
import { openStore } from '../history/open-store.ts';
import type { Answer } from '../history/recorder.ts';
import type { Asked, FromWorker, ToWorker, WorkerSettings } from './protocol.ts';
import { encodeAnswer } from './respond.ts';

const port = parentPort!;
const settings = workerData as WorkerSettings;
const send = (message: FromWorker) => port.postMessage(message);
const log = (line: string) => send({ kind: 'log', line });

const asks = new Map<number, { resolve: (a: Answer) => void; reject: (e: Error) => void }>();
let lastAsk = 0;
function ask(what: Asked): Promise<Answer> {
  const id = (lastAsk += 1);
  send({ kind: 'ask', id, what });
  return new Promise((resolve, reject) => asks.set(id, { resolve, reject }));
}

const store = await openStore(settings, log);
let recordAfter: Promise<unknown> | undefined;
if (settings.seedDemo) {
  const seeded = seedDemoHistory({ store, indexAt: demoIndexValuesAt });
  send({ kind: 'market', market: seeded.market, snapshots: seeded.snapshots });
  recordAfter = seeded.filled.then((filled) => send({ kind: 'filled', ...filled }));
}

const held: { parts?: HistoryParts } = {};
let said = '';
/** The status goes to the main thread whenever it changes, so `/api/health` answers at once. */
function sayStatus() {
  if (!held.parts) return;
  const status = held.parts.status();
  const text = JSON.stringify(status);
  if (text === said) return;
  said = text;
  send({ kind: 'status', status });
}

const parts = await createHistoryParts({
  settings,
  everyMs: settings.everyMs,
  store,
  poolList: () => ask('poolList'),
  assetIndex: () => ask('assetIndex'),
  log,
  onRecorded: sayStatus,
  alertsFile: settings.alertsFile,
  ...(recordAfter ? { recordAfter } : {}),
});
held.parts = parts;
const watch = setInterval(sayStatus, 2_000);
watch.unref();

async function close(history: HistoryParts) {
  clearInterval(watch);
  for (const a of asks.values()) a.reject(new Error('the server is stopping'));
  asks.clear();
  await history.close();
  port.close();
}

function handle(history: HistoryParts, m: ToWorker) {
  if (m.kind === 'answer') {
    const waiting = asks.get(m.id);
    asks.delete(m.id);
    if (m.answer) waiting?.resolve(m.answer);
    else waiting?.reject(new Error(m.error ?? 'no answer'));
  } else if (m.kind === 'request')
    void history.answers(m.path, new URLSearchParams(m.query)).then((answer) => {
      if (!answer) return send({ kind: 'response', id: m.id, status: 0, headers: {}, body: null });
      send({ kind: 'response', id: m.id, ...encodeAnswer(answer, m.encodings) });
    });
  else if (m.kind === 'record')
    void history.recorder.recordOnce().then(() => send({ kind: 'recorded', id: m.id }));
  else if (m.kind === 'close') void close(history);
}

port.on('message', (m: ToWorker) => handle(parts, m));
send({ kind: 'ready', status: parts.status() });
