import { parseAdlAnswer } from '../../src/core/adl.ts';
import type { HistoryAdapter } from './adapter.ts';
import { recordAdl } from './record-adl.ts';
import type { Answer } from './recorder.ts';
import { parseJson, repeat } from './repeat.ts';

export interface AdlRecorderOptions {
  store: HistoryAdapter;
  /** Every symbol's rating, through the proxy (its cache, in-flight sharing, pause and budget). */
  adlRisk: () => Promise<Answer>;
  /** Milliseconds between two recordings (`FAPI_ADL_EVERY` × 1000); 0 records none. */
  everyMs: number;
  now?: () => number;
  log?: (line: string) => void;
}

/** What `/api/adl` says of the ratings' source, beside the stored ratings. */
export interface AdlStatus {
  recording: boolean;
  /** When the exchange was last asked. */
  checkedAt: number | null;
  /** The first failed reading of the failures going on now; `null` when the last one worked. */
  unavailableSince: number | null;
  /** Why, in words: the status the exchange answered, or the shape that did not fit. */
  reason: string | null;
  /** Main-thread time of the last recording's parse and transaction. */
  lastCostMs: number | null;
}

/**
 * Records the exchange's ADL risk ratings every `everyMs`: each symbol's rating when it changed,
 * with the exchange's `updateTime`. Never throws. An upstream without the endpoint (404, 400),
 * a pause, a timeout or an answer that does not fit costs nothing but the ratings: it is noted
 * (`unavailableSince`, `reason`) and the next recording tries again.
 */
export function createAdlRecorder({
  store,
  adlRisk,
  everyMs,
  now = Date.now,
  log = () => undefined,
}: AdlRecorderOptions) {
  const status: AdlStatus = {
    recording: everyMs > 0,
    checkedAt: null,
    unavailableSince: null,
    reason: null,
    lastCostMs: null,
  };
  const fail = (reason: string) => {
    if (status.reason !== reason) log(`ADL risk: ${reason}`);
    status.unavailableSince ??= status.checkedAt;
    status.reason = reason;
  };

  async function recordOnce() {
    status.checkedAt = now();
    let answer: Answer;
    try {
      answer = await adlRisk();
    } catch (error) {
      return fail(`the ratings could not be had: ${(error as Error).message}`);
    }
    if (answer.status !== 200) return fail(`the exchange answered ${answer.status}`);
    const started = performance.now();
    const ratings = parseAdlAnswer(parseJson(answer.body));
    if (!ratings) return fail('the answer does not fit the documented shape');
    try {
      // Most readings change nothing: those are seen by a read alone, with no write transaction.
      // What may be a change is judged again inside the transaction (record-adl.ts).
      const latest = new Map((await store.latestAdl()).map((r) => [r.symbol, r.level]));
      const changed = ratings.filter((r) => latest.get(r.symbol) !== r.level);
      if (changed.length > 0 && (await store.claimWriter()) === 'writer')
        await store.write((tx) => recordAdl(tx, changed));
    } catch (error) {
      log(`ADL risk: recording failed: ${(error as Error).message}`);
    }
    status.lastCostMs = performance.now() - started;
    if (status.reason !== null) log('ADL risk: the ratings are available again');
    status.unavailableSince = null;
    status.reason = null;
  }

  const every = repeat(everyMs, recordOnce);
  return {
    /** Records now, then every `everyMs`; nothing when `everyMs` is 0. */
    start: every.start,
    recordOnce: every.once,
    status: (): AdlStatus => ({ ...status }),
    stop: every.stop,
  };
}
export type AdlRecorder = ReturnType<typeof createAdlRecorder>;
