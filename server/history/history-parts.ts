import type { HistoryAdapter } from './adapter.ts';
import { openStore, type StoreEnv } from './open-store.ts';
import { createRecorder, type Answer, type RecorderStatus } from './recorder.ts';
import { historyRoutes } from './routes.ts';

export interface HistoryPartsOptions {
  env: StoreEnv & { FAPI_RECORD_EVERY?: string };
  poolList: () => Promise<Answer>;
  assetIndex?: () => Promise<Answer>;
  log?: (line: string) => void;
  /** A store opened by the caller (the demo's own); else `openStore(env)`. */
  store?: HistoryAdapter;
  /** Start recording only once this settles (the demo: once its generated history is in). */
  recordAfter?: Promise<unknown>;
}

/** `FAPI_RECORD_EVERY` in ms: seconds, default 60, 0 records nothing; a bad value is said and the default kept. */
export function recordEveryMs(
  value: string | undefined,
  log: (line: string) => void = () => undefined,
): number {
  if (value === undefined || value.trim() === '') return 60_000;
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0) {
    log(
      `FAPI_RECORD_EVERY must be a number of seconds, not ${value.slice(0, 40)}: recording every 60 s`,
    );
    return 60_000;
  }
  return Math.round(n * 1000);
}

/**
 * Everything the servers mount for history: the routes (connect middleware), the recorder
 * (started here), the store, the health part and `close()` (stops recording, then closes the store).
 */
export async function createHistoryParts({
  env,
  poolList,
  assetIndex,
  log,
  store: given,
  recordAfter,
}: HistoryPartsOptions) {
  const store = given ?? (await openStore(env, log));
  const recorder = createRecorder({
    store,
    poolList,
    everyMs: recordEveryMs(env.FAPI_RECORD_EVERY, log),
    ...(assetIndex ? { assetIndex } : {}),
    ...(log ? { log } : {}),
  });
  let closed = false;
  if (recordAfter)
    void recordAfter.then(
      () => closed || recorder.start(),
      () => closed || recorder.start(),
    );
  else recorder.start();
  return {
    routes: historyRoutes(store),
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
