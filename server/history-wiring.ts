import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultAlertsFile } from './alerts/rules.ts';
import type { ServerConfig } from './config.ts';
import { DEMO_ALERTS_FILE } from './demo/demo-alerts.ts';
import type { DemoPool } from './demo/market.ts';
import { startHistoryThread, type HistoryThread } from './history-thread/history-thread.ts';
import { threadParts } from './history-thread/thread-parts.ts';
import type { HistoryParts } from './parts.ts';
import type { Proxy } from './proxy/proxy.ts';

/**
 * The history's parts for these settings, in a worker thread of their own, recording the pool
 * list and the asset index through the proxy, so recording never costs the upstream a call a
 * viewer would not. `thread`: one already started (the demo's), else one is started here.
 */
export async function loadHistory(
  config: ServerConfig,
  proxy: Proxy,
  log: (line: string) => void,
  thread: HistoryThread = startHistoryThread({
    settings: {
      historyDb: config.historyDb,
      databaseUrl: config.databaseUrl,
      everyMs: config.recordEveryMs,
      adlEveryMs: config.adlEveryMs,
      alertsFile: config.alertsFile ?? defaultAlertsFile(),
    },
    log,
  }),
): Promise<HistoryParts & { thread: HistoryThread }> {
  thread.attach({
    poolList: proxy.poolList,
    assetIndex: proxy.assetIndex,
    adlRisk: proxy.adlRisk,
  });
  await thread.started;
  return threadParts(thread);
}

/**
 * The demo's history: a worker that fills a store of its own (never `HISTORY_DB`) with 30 days
 * of generated history, then records the live demo into it. Resolves with the market that
 * history ends at, for the demo upstream to go on from (`undefined` if the worker could not say),
 * and the thread for `loadHistory`. `historyDb`: keep it in that file (left in place) instead of
 * a temporary one (removed when the thread closes).
 */
export async function demoHistory(
  config: Pick<ServerConfig, 'recordEveryMs'> &
    Partial<Pick<ServerConfig, 'adlEveryMs' | 'alertsFile'>>,
  log: (line: string) => void,
  historyDb?: string,
): Promise<{ market: DemoPool[] | undefined; thread: HistoryThread }> {
  const dir = historyDb ? undefined : mkdtempSync(join(tmpdir(), 'demo-history-'));
  const thread = startHistoryThread({
    settings: {
      historyDb: historyDb ?? join(dir!, 'demo-history.sqlite'),
      everyMs: config.recordEveryMs,
      adlEveryMs: config.adlEveryMs ?? 0,
      seedDemo: true,
      alertsFile: config.alertsFile ?? DEMO_ALERTS_FILE,
    },
    log,
    ...(dir ? { afterClose: () => rmSync(dir, { recursive: true, force: true }) } : {}),
  });
  void thread.filled.then(({ ms, error }) =>
    log(error ? `demo history: ${error}` : `demo history: 30 days in ${Math.round(ms)} ms`),
  );
  const market = await thread.market.catch((error: unknown) => {
    log(`demo history: ${(error as Error).message}; the demo starts from a fresh market`);
    return undefined;
  });
  return { market, thread };
}
