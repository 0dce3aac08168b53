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
}: HistoryPartsOptions) {
  const store = given ?? (await openStore(settings, log));
  const recorder = createRecorder({
    store,
    poolList,
    everyMs,
    ...(assetIndex ? { assetIndex } : {}),
    ...(log ? { log } : {}),
    ...(onRecorded ? { onRecorded } : {}),
  });
  let closed = false;
  if (recordAfter)
    void recordAfter.then(
      () => closed || recorder.start(),
      () => closed || recorder.start(),
    );
  else recorder.start();
  return {
    answers: historyAnswers(store),
    recorder,
    store,
    /** For `/api/health`: `degraded` when the store cannot be written or read as it should. */
    status(): RecorderStatus {
      return recorder.status();
    },
    async close() {
      closed = true;
      await recorder.stop();
      await store.close();
    },
  };
}
export type HistoryParts = Awaited<ReturnType<typeof createHistoryParts>>;
