import * as z from 'zod/mini';
import type { Answer } from '../proxy/answer.ts';
import { assetIndexListSchema, type AssetIndexEntry } from '../../src/core/valuation.ts';
import { poolListSchema } from '../../src/core/pool-schema.ts';
import type { AlertsHealth } from '../alerts/watch.ts';
import type { HistoryAdapter, StoreInfo } from './adapter.ts';
import { catchUpLevels } from './levels.ts';
import { recordSnapshot, type Snapshot } from './record-snapshot.ts';
import { parseJson, repeat } from './repeat.ts';

/** The proxy's answer (server/proxy/answer.ts), taken through its cache, in-flight sharing, Retry-After pause and budget. */
export type { Answer };

export interface RecorderOptions {
  store: HistoryAdapter;
  poolList: () => Promise<Answer>;
  assetIndex?: () => Promise<Answer>;
  /** Milliseconds between recordings (`FAPI_RECORD_EVERY` × 1000); 0 records nothing. */
  everyMs: number;
  now?: () => number;
  log?: (line: string) => void;
  /** Told after each recording, whatever its outcome (the status may have changed). */
  onRecorded?: () => void;
}

export interface RecorderStatus {
  /** When the latest snapshot was stored (its `observedAt`), `null` before the first. */
  lastRecordingAt: number | null;
  lastError: string | null;
  lastErrorAt: number | null;
  /** Snapshots that failed to store and are tried again first at the next recording. */
  pending: number;
  /**
   * Main-thread time of the latest recording: the snapshot's transaction, and the small ones
   * after it that count complete hours into the levels (the event loop runs between those).
   */
  lastCostMs: { record: number; levels: number } | null;
  store: StoreInfo;
  /** The alerts judged after each recording (server/alerts/watch.ts). */
  alerts?: AlertsHealth;
}

/** Coverage: a recording within three intervals of the previous one continues its interval. */
export const gapFor = (everyMs: number) => 3 * Math.max(everyMs, 1_000);
const MAX_PENDING = 10;
const LEVEL_BATCH = 25;
const LEVEL_BATCHES = 40;

async function readIndex(
  assetIndex: RecorderOptions['assetIndex'],
): Promise<AssetIndexEntry[] | undefined> {
  if (!assetIndex) return undefined;
  try {
    const answer = await assetIndex();
    const parsed = z.safeParse(assetIndexListSchema, parseJson(answer.body));
    return answer.status === 200 && parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Records the pool list every `everyMs` into the store. Never throws: an upstream error, an
 * answer that does not parse or a store that cannot be written is noted in `status()` and the
 * next recording tries again (a failed snapshot first). An empty list is not recorded: it would
 * end every membership at once, and is far likelier a fault than the end of every pool.
 */
export function createRecorder({
  store,
  poolList,
  assetIndex,
  everyMs,
  now = Date.now,
  log = () => undefined,
  onRecorded,
}: RecorderOptions) {
  const gapMs = gapFor(everyMs);
  const status: Omit<RecorderStatus, 'store' | 'pending'> = {
    lastCostMs: null,
    lastRecordingAt: null,
    lastError: null,
    lastErrorAt: null,
  };
  let pending: Snapshot[] = [];
  let writeFailed: string | null = null;

  const fail = (message: string) => {
    if (status.lastError !== message) log(`history: ${message}`);
    status.lastError = message;
    status.lastErrorAt = now();
  };

  async function take(): Promise<Snapshot | null> {
    const answer = await poolList();
    if (answer.status !== 200)
      return (fail(`the pool list answered ${answer.status}; not recorded`), null);
    const parsed = z.safeParse(poolListSchema, parseJson(answer.body));
    if (!parsed.success)
      return (fail('the pool list does not fit the expected shape; not recorded'), null);
    if (parsed.data.length === 0) return (fail('the pool list was empty; not recorded'), null);
    const index = await readIndex(assetIndex);
    return { observedAt: answer.fetchedAt, pools: parsed.data, ...(index ? { index } : {}) };
  }

  /** Counts complete hours into the levels, a few series a transaction, yielding between. */
  async function catchUp() {
    for (let i = 0; i < LEVEL_BATCHES; i += 1) {
      const done = await store.write((tx) => catchUpLevels(tx, LEVEL_BATCH));
      if (done < LEVEL_BATCH) return;
      await new Promise((r) => setImmediate(r));
    }
  }

  async function recordOnce(): Promise<void> {
    try {
      if ((await store.claimWriter()) !== 'writer') return;
      const snap = await take();
      const queue = snap ? [...pending, snap] : pending;
      while (queue.length > 0) {
        const next = queue[0]!;
        const started = performance.now();
        try {
          await store.write((tx) => recordSnapshot(tx, next, { gapMs, fillBudget: 0 }));
        } catch (error) {
          pending = queue.slice(-MAX_PENDING);
          writeFailed = `recording failed: ${(error as Error).message}`;
          fail(writeFailed);
          return;
        }
        queue.shift();
        const recorded = performance.now();
        await catchUp().catch((error: unknown) =>
          fail(`counting complete hours into the levels failed: ${(error as Error).message}`),
        );
        status.lastCostMs = { record: recorded - started, levels: performance.now() - recorded };
        status.lastRecordingAt = Math.max(status.lastRecordingAt ?? 0, next.observedAt);
        if (writeFailed) log('history: recording works again');
        writeFailed = null;
      }
      pending = [];
    } catch (error) {
      fail(`the pool list could not be taken: ${(error as Error).message}`);
    }
  }

  const every = repeat(everyMs, recordOnce, onRecorded);
  return {
    /** Records now, then every `everyMs`; does nothing when `everyMs` is 0. */
    start: every.start,
    /** One recording now (tests, and the first one at start). */
    recordOnce: every.once,
    status(): RecorderStatus {
      const info = store.info();
      const degraded = info.state === 'degraded' || writeFailed !== null;
      return {
        ...status,
        pending: pending.length,
        store: {
          ...info,
          state: degraded ? 'degraded' : 'ok',
          ...(writeFailed && !info.reason ? { reason: writeFailed } : {}),
        },
      };
    },
    /** Stops recording, waiting for a write in flight. */
    stop: every.stop,
  };
}
export type Recorder = ReturnType<typeof createRecorder>;
