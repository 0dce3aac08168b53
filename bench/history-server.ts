/**
 * The production server with its history, in a process of its own, for bench/history-child.ts:
 *
 *   node --import tsx bench/history-server.ts worker|main|none PORT [RECORDINGS]
 *
 * `worker`: the history in its worker thread, as `npm start` runs it. `main`: the store, the
 * recorder and the API's queries on the server's main thread, as they ran before the worker,
 * for the comparison; `none`: no history at all. Settings come from the environment
 * (FAPI_UPSTREAM, HISTORY_DB, FAPI_RECORD_EVERY); no client build is needed (the proxy and the
 * API are measured). Every half second it prints how busy its main thread has been
 * (`elu {"active":…}`, Node's event loop utilisation, cumulative).
 *
 * With RECORDINGS, it records that many times, a second apart, and prints the main thread's
 * time in each (`cost {…}`): first the pool list and the asset index are taken through the
 * proxy, as a viewer's request would take them, then the recording is timed alone, so its
 * figure is what recording adds to the main thread. Two clocks: the time the main thread ran on
 * a CPU (Linux's per-thread schedstat; `null` elsewhere), and the time its event loop was busy,
 * which also counts the time it waited for a CPU on a loaded machine.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { readConfig } from '../server/config.ts';
import { createHistoryThreadParts } from '../server/history/history-parts.ts';
import { historyRoutes } from '../server/history/routes.ts';
import { loadHistory } from '../server/history-wiring.ts';
import { startServer } from '../server/main.ts';
import type { HistoryParts } from '../server/parts.ts';
import type { Proxy } from '../server/proxy/proxy.ts';

const [mode, port, recordings] = process.argv.slice(2);
const config = readConfig();
const log = () => undefined;
/** One recording now, resolved once it is stored. */
let recordOnce: () => Promise<void> = () => Promise.resolve();
/** The history's own account of its latest recording (its transaction, wherever it ran). */
let lastCost: () => unknown = () => null;

async function onMainThread(proxy: Proxy): Promise<HistoryParts> {
  const parts = await createHistoryThreadParts({
    settings: config,
    everyMs: config.recordEveryMs,
    poolList: proxy.poolList,
    assetIndex: proxy.assetIndex,
  });
  recordOnce = parts.recorder.recordOnce;
  lastCost = () => parts.status().lastCostMs;
  return {
    routes: historyRoutes(parts.store),
    status: () => ({ ...parts.status(), state: 'ok' }),
    close: parts.close,
  };
}

async function inWorker(proxy: Proxy): Promise<HistoryParts> {
  const parts = await loadHistory(config, proxy, log);
  recordOnce = parts.thread.recordOnce;
  lastCost = () => parts.thread.status().status?.lastCostMs ?? null;
  return parts;
}

const clientOutDir = mkdtempSync(path.join(tmpdir(), 'bench-history-client-'));
writeFileSync(path.join(clientOutDir, 'index.html'), '<!doctype html><title>bench</title>');
const running = await startServer({
  clientOutDir,
  host: '127.0.0.1',
  port: Number(port),
  config,
  log,
  history: async (proxy) =>
    mode === 'none' ? undefined : mode === 'main' ? onMainThread(proxy) : inWorker(proxy),
});
process.once('SIGTERM', () => void running.close().then(() => process.exit(0)));
console.log(`listening on ${running.url}`);

const elu = performance.eventLoopUtilization;
/** The main thread's time on a CPU so far (its thread id is the process id), or `null`. */
function mainCpuMs(): number | null {
  try {
    const [ran] = readFileSync(`/proc/self/task/${process.pid}/schedstat`, 'utf8').split(' ');
    return Number(ran) / 1e6;
  } catch {
    return null;
  }
}

if (recordings === undefined) setInterval(() => console.log(`elu ${JSON.stringify(elu())}`), 500);
else {
  const runs = Number(recordings);
  for (let i = 0; i < runs; i += 1) {
    // The demo upstream moves every balance each second, and the cache holds a second.
    await new Promise((r) => setTimeout(r, 1_100));
    const before = elu();
    await running.proxy.poolList();
    await running.proxy.assetIndex();
    const taken = elu(before);
    const started = performance.now();
    const cpu = mainCpuMs();
    const since = elu();
    await recordOnce();
    const spent = elu(since);
    const cpuAfter = mainCpuMs();
    const cost = {
      cpuMs: cpu === null || cpuAfter === null ? null : cpuAfter - cpu,
      mainMs: spent.active,
      wallMs: performance.now() - started,
      takeMs: taken.active,
      history: lastCost(),
    };
    console.log(`cost ${JSON.stringify(cost)}`);
  }
  console.log('recorded');
}
