import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore, type StoreSettings } from '../history/open-store.ts';
import { createRecorder } from '../history/recorder.ts';
import type { RetryPolicy } from './deliver.ts';
import { loadAlertsFile } from './rules.ts';
import { createAlerts } from './watch.ts';

/** A pool of the upstream's answer: members, then `[asset, balance]` pairs, at `t`. */
export function pool(symbols: string[], t: number, ...assets: [string, string][]) {
  return {
    symbols,
    assets: assets.map(([asset, marginBalance]) => ({ asset, marginBalance, updateTime: t })),
  };
}

/** A rules file in a folder of its own; its path. */
export function rulesFile(content: unknown): string {
  const file = join(mkdtempSync(join(tmpdir(), 'alerts-rules-')), 'alerts.json');
  writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
  return file;
}

/**
 * A store, its recorder and the alerts of `alertsFile`, put together as the history's thread
 * does (history-parts.ts), recording whatever `record(list, at)` is given, with short retry pauses.
 */
export async function historyWithAlerts(options: {
  settings: StoreSettings;
  alertsFile: string;
  retry?: RetryPolicy;
  timeoutMs?: number;
  log?: (line: string) => void;
}) {
  let next: { body: string; at: number } = { body: '[]', at: 0 };
  const store = await openStore(options.settings);
  const recorder = createRecorder({
    store,
    everyMs: 0,
    poolList: async () => ({ status: 200, body: next.body, demo: false, fetchedAt: next.at }),
  });
  const alerts = createAlerts({
    store,
    load: loadAlertsFile(options.alertsFile),
    retry: options.retry ?? { firstMs: 20, maxMs: 100, giveUpMs: 3_600_000 },
    pollMs: 25,
    ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}),
    ...(options.log ? { log: options.log } : {}),
  });
  return {
    store,
    alerts,
    /** Records this pool list as seen at `at`, judges the rules and sends what is due. */
    async record(list: unknown[], at: number) {
      next = { body: JSON.stringify(list), at };
      await recorder.recordOnce();
      await alerts.judgeNow();
      await alerts.send();
    },
    async close() {
      await alerts.close();
      await store.close();
    },
  };
}
