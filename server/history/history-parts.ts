import type { AdlRating } from '../../src/core/adl.ts';
import { loadAlertsFile } from '../alerts/rules.ts';
import { createAlerts, describeLoad } from '../alerts/watch.ts';
import type { HistoryAdapter } from './adapter.ts';
import { openStore, type StoreSettings } from './open-store.ts';
import { createRecorder, type Answer, type RecorderStatus } from './recorder.ts';
import { historyAnswers } from './routes.ts';

export interface HistoryPartsOptions {
  /** Where the store is (`openStore`), unless `store` is given. */
  settings: StoreSettings;
  /** Milliseconds between recordings (`FAPI_RECORD_EVERY` × 1000); 0 records nothing. */
  everyMs: number;
  poolList: () => Promise<Answer>;
  assetIndex?: () => Promise<Answer>;
  log?: (line: string) => void;
  /** A store opened by the caller (the demo's own); else `openStore(settings)`. */
  store?: HistoryAdapter;
  /** Start recording only once this settles (the demo: once its generated history is in). */
  recordAfter?: Promise<unknown>;
  /** Told after each recording, whatever its outcome. */
  onRecorded?: () => void;
  /** The alert rules file (`ALERTS_FILE`, server/alerts/rules.ts); none: no alerts. */
  alertsFile?: string | undefined;
  /** The ADL ratings the `adl` rules are judged against (the store's latest). */
  ratings?: () => Promise<AdlRating[]>;
}

/**
 * Everything of the history in the thread that holds its store: the answers of its API, the
 * recorder (started here), the store, its status and `close()` (stops recording, then closes
 * the store).
 */
export async function createHistoryParts({
  settings,
  everyMs,
  poolList,
  assetIndex,
  log,
  store: given,
  recordAfter,
  onRecorded,
  alertsFile,
  ratings,
}: HistoryPartsOptions) {
  const store = given ?? (await openStore(settings, log));
  const load = loadAlertsFile(alertsFile);
  if (load.kind !== 'none' || alertsFile) log?.(describeLoad(load, alertsFile));
  const alerts = createAlerts({
    store,
    load,
    ...(log ? { log } : {}),
    ...(ratings ? { ratings } : {}),
  });
  const recorder = createRecorder({
    store,
    poolList,
    everyMs,
    ...(assetIndex ? { assetIndex } : {}),
    ...(log ? { log } : {}),
    onRecorded: () => {
      onRecorded?.();
      void alerts.judgeNow().then(onRecorded);
    },
  });
  const history = historyAnswers(store);
  let closed = false;
  if (recordAfter)
    void recordAfter.then(
      () => closed || recorder.start(),
      () => closed || recorder.start(),
    );
  else recorder.start();
  return {
    answers: async (path: string, params: URLSearchParams) =>
      (await alerts.answers(path)) ?? history(path, params),
    recorder,
    store,
    alerts,
    /** For `/api/health`: `degraded` when the store cannot be written or read as it should. */
    status(): RecorderStatus {
      return { ...recorder.status(), alerts: alerts.status() };
    },
    async close() {
      closed = true;
      await recorder.stop();
      await alerts.close();
      await store.close();
    },
  };
}
export type HistoryParts = Awaited<ReturnType<typeof createHistoryParts>>;
