import type { ServerConfig } from './config.ts';
import { demoIndexAt } from './demo/asset-index.ts';
import { seedDemoHistory } from './demo/history-seed.ts';
import type { DemoPool } from './demo/market.ts';
import type { PartStatus } from './health.ts';
import { createHistoryParts } from './history/history-parts.ts';
import type { HistoryParts } from './parts.ts';
import type { Proxy } from './proxy/proxy.ts';

/** The recorder's and the store's state, as `/api/health` shows it. */
function healthOf(parts: Awaited<ReturnType<typeof createHistoryParts>>): PartStatus {
  const status = parts.status();
  const state =
    status.store.role === 'off'
      ? 'degraded'
      : status.store.state === 'degraded' || status.pending > 0
        ? 'degraded'
        : 'ok';
  return { ...status, state };
}

/**
 * The history's parts (server/history) for these settings, recording the pool list and the asset
 * index through the proxy, so recording never costs the upstream a call a viewer would not.
 * `demo`: a store of its own, filled with generated history, recording once that is in.
 */
export async function loadHistory(
  config: ServerConfig,
  proxy: Proxy,
  log: (line: string) => void,
  demo?: { store: HistoryParts['store']; filled: Promise<unknown> },
): Promise<HistoryParts> {
  const parts = await createHistoryParts({
    env: {
      HISTORY_DB: config.historyDb,
      DATABASE_URL: config.databaseUrl,
      FAPI_RECORD_EVERY: String(config.recordEveryMs / 1000),
    },
    poolList: proxy.poolList,
    assetIndex: proxy.assetIndex,
    log,
    ...(demo ? { store: demo.store, recordAfter: demo.filled } : {}),
  });
  return {
    routes: parts.routes,
    store: parts.store,
    status: () => healthOf(parts),
    close: parts.close,
  };
}

/**
 * The demo's 30 days of generated history, ending at the market the demo upstream then goes on
 * from, with the demo's asset index beside it; in a store of its own, never `HISTORY_DB`.
 */
export function demoHistory(
  log: (line: string) => void,
  /** Where to keep it; a fresh temporary file when omitted. */
  store?: HistoryParts['store'],
): {
  market: DemoPool[];
  store: HistoryParts['store'];
  filled: Promise<unknown>;
} {
  const seeded = seedDemoHistory({
    ...(store ? { store } : {}),
    indexAt: (t) => demoIndexAt(t).map(({ symbol, index, time }) => ({ symbol, index, time })),
  });
  const filled = seeded.filled.then(
    ({ ms }) =>
      log(`demo history: ${seeded.snapshots} snapshots of 30 days in ${Math.round(ms)} ms`),
    (error: unknown) => log(`demo history could not be generated: ${String(error)}`),
  );
  return { market: seeded.market, store: seeded.store, filled };
}
