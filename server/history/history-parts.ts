import type { AdlRating } from '../../src/core/adl.ts';
import { loadAlertsFile } from '../alerts/rules.ts';
import { createAlerts, describeLoad } from '../alerts/watch.ts';
import type { HistoryAdapter } from './adapter.ts';
import { createAdlRecorder } from './adl-recorder.ts';
import { openStore, type StoreSettings } from './open-store.ts';
import { createRecorder, type Answer, type RecorderStatus } from './recorder.ts';

export interface HistoryThreadPartsOptions {
  /** Where the store is (`openStore`), unless `store` is given. */
  settings: StoreSettings;
  /** Milliseconds between recordings (`FAPI_RECORD_EVERY` × 1000); 0 records nothing. */
  everyMs: number;
  poolList: () => Promise<Answer>;
  assetIndex?: () => Promise<Answer>;
  /** Every symbol's ADL risk rating, through the proxy; without it no rating is recorded. */
  adlRisk?: () => Promise<Answer>;
  /** Milliseconds between two recordings of the ratings (`FAPI_ADL_EVERY` × 1000); 0 records none. */
  adlEveryMs?: number;
  /** When the ratings were taken (by default, when they are recorded). */
  adlNow?: () => number;
  /** `false`: no timer starts here; each recording is asked for by `recordOnce`. */
  timers?: boolean;
  log?: (line: string) => void;
  /** A store opened by the caller (the demo's own); else `openStore(settings)`. */
  store?: HistoryAdapter;
  /** Start recording only once this settles (the demo: once its generated history is in). */
  recordAfter?: Promise<unknown>;
  /** Told after each recording, whatever its outcome. */
  onRecorded?: () => void;
  /** The alert rules file (`ALERTS_FILE`, server/alerts/rules.ts); none: no alerts. */
  alertsFile?: string | undefined;
  /** The ADL ratings the `adl` rules are judged against; by default the store's latest. */
  ratings?: () => Promise<AdlRating[]>;
}

/**
 * Everything of the history in the thread that holds its store: the recorders (started here
 * unless `timers` is false), the alerts, the store, its status and `close()` (stops recording,
 * then closes the store).
 */
export async function createHistoryThreadParts({
  settings,
  everyMs,
  poolList,
  assetIndex,
  adlRisk,
  adlEveryMs = 0,
  adlNow,
  timers = true,
  log,
  store: given,
  recordAfter,
  onRecorded,
  alertsFile,
  ratings,
}: HistoryThreadPartsOptions) {
  const store = given ?? (await openStore(settings, log));
  const load = loadAlertsFile(alertsFile);
  if (load.kind !== 'none' || alertsFile) log?.(describeLoad(load, alertsFile));
  const alerts = createAlerts({
    store,
    load,
    ...(log ? { log } : {}),
    ratings: ratings ?? (() => store.latestAdl()),
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
  const adl = createAdlRecorder({
    store,
    adlRisk: adlRisk ?? (() => Promise.reject(new Error('no source'))),
    everyMs: adlRisk ? adlEveryMs : 0,
    ...(adlNow ? { now: adlNow } : {}),
    ...(log ? { log } : {}),
  });
  let closed = false;
  const startAll = () => {
    if (closed) return;
    recorder.start();
    adl.start();
  };
  if (timers && recordAfter) void recordAfter.then(startAll, startAll);
  else if (timers) startAll();
  return {
    recorder,
    adl,
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
      await adl.stop();
      await store.close();
    },
  };
}
export type HistoryThreadParts = Awaited<ReturnType<typeof createHistoryThreadParts>>;
