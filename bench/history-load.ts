/**
 * The proxy while the history works: a production server records 600 pools every second and is
 * asked for the overview and a year's history over and over, while the pool list is probed
 * through its proxy. Run three times: the history in its worker thread, on the main thread (as it
 * was), and with no history at all, so each figure stands beside the others.
 */
import { percentile } from './report.ts';
import { startHistoryChild, type HistoryMode } from './history-child.ts';
import { ENDPOINT } from './stack.ts';

export interface HistoryLoad {
  mode: HistoryMode;
  seconds: number;
  /** The share of the server's main thread that was busy over the run. */
  mainBusy: number;
  proxyP50Ms: number;
  proxyP99Ms: number;
  proxySamples: number;
  overviews: number;
  overviewP50Ms: number;
  histories: number;
  /** The server's own report of its latest recording, from `/api/health`. */
  lastCostMs: { record: number; levels: number } | null;
  /** What `/api/health` said of the history. */
  historyState: string | null;
  stop: { code: number | null; ms: number };
}

async function loop(until: number, fn: () => Promise<void>) {
  while (Date.now() < until) await fn();
}

async function timed(url: string, times: number[]) {
  const started = performance.now();
  const res = await fetch(url, { headers: { 'accept-encoding': 'br, gzip' } });
  await res.arrayBuffer();
  if (res.ok) times.push(performance.now() - started);
}

export async function historyLoad(
  mode: HistoryMode,
  seconds: number,
  day: string,
  log: (l: string) => void,
): Promise<HistoryLoad> {
  const server = await startHistoryChild(mode, day, { recordEvery: 1 });
  const base = server.base;
  let elu = { active: 0, idle: 0 };
  server.onLine((l) => {
    if (l.startsWith('elu ')) elu = JSON.parse(l.slice(4)) as typeof elu;
  });
  try {
    log(
      `under load, history ${mode === 'worker' ? 'in its worker' : mode === 'main' ? 'on the main thread' : 'off'}: ${seconds} s`,
    );
    await timed(`${base}/api/overview`, []);
    await new Promise((r) => setTimeout(r, 600));
    const before = elu;
    const until = Date.now() + seconds * 1000;
    const proxy: number[] = [];
    const overviews: number[] = [];
    const histories: number[] = [];
    await Promise.all([
      loop(until, async () => {
        await timed(`${base}${ENDPOINT}`, proxy);
        await new Promise((r) => setTimeout(r, 20));
      }),
      ...(mode === 'none'
        ? []
        : [
            loop(until, () => timed(`${base}/api/overview?spark=24`, overviews)),
            loop(until, () => timed(`${base}/api/overview?spark=12`, overviews)),
            loop(until, () => timed(`${base}/api/history?symbol=BTCUSDT&points=500`, histories)),
          ]),
    ]);
    await new Promise((r) => setTimeout(r, 600));
    const after = elu;
    const mainBusy =
      (after.active - before.active) / (after.active + after.idle - before.active - before.idle);
    const health = (await (await fetch(`${base}/api/health`)).json()) as {
      history?: { state?: string; lastCostMs?: HistoryLoad['lastCostMs'] };
    };
    const stop = await server.stop();
    return {
      mode,
      seconds,
      mainBusy,
      proxyP50Ms: percentile(proxy, 50),
      proxyP99Ms: percentile(proxy, 99),
      proxySamples: proxy.length,
      overviews: overviews.length,
      overviewP50Ms: percentile(overviews, 50),
      histories: histories.length,
      lastCostMs: health.history?.lastCostMs ?? null,
      historyState: health.history?.state ?? null,
      stop,
    };
  } catch (error) {
    await server.stop();
    throw error;
  }
}
