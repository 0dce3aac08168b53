import { retryAfterSeconds } from '../../src/core/retry-after.ts';
import { EXCHANGE_WEIGHT_LIMIT_1M } from '../../src/core/upstream.ts';
import { localAnswer, type Answer } from './answer.ts';

/**
 * Why a call goes upstream. `list`: a whole list every viewer shares (the pool list, the full
 * asset index); `lookup`: one symbol's answer, which serves only whoever asked.
 */
export type Purpose = 'list' | 'lookup';

export interface BudgetOptions {
  /** Request weight this server spends upstream in any 60 s, whoever asks. */
  weightPerMinute: number;
  /** The share of it lookups may spend; the rest stays for the lists. */
  lookupShare: number;
  /** The exchange's limit for this IP, against which its `X-MBX-USED-WEIGHT-1M` is read. */
  exchangeLimit?: number;
  now: () => number;
}

const MINUTE = 60_000;
/** At this share of the exchange's limit, lookups stop for the rest of its minute … */
const SLOW_AT = 0.8;
/** … and at this one, every call does. */
const STOP_AT = 0.95;

/**
 * The server's upstream budget. No client can spend it: lookups are capped at their share, so
 * the pool list keeps being served to every viewer whatever one client asks; and when the
 * exchange reports this IP close to its own limit, the server slows down before it, not after.
 */
export function createBudget(options: BudgetOptions) {
  const { now, weightPerMinute } = options;
  const exchangeLimit = options.exchangeLimit ?? EXCHANGE_WEIGHT_LIMIT_1M;
  const lookupLimit = Math.floor(weightPerMinute * options.lookupShare);
  /** Calls of the last 60 s, oldest first. */
  const calls: { at: number; weight: number; purpose: Purpose }[] = [];
  const exchange = { minute: -1, used: 0 };

  function spent(t: number): { all: number; lookups: number; oldest: number } {
    while (calls.length > 0 && calls[0]!.at <= t - MINUTE) calls.shift();
    let all = 0;
    let lookups = 0;
    for (const c of calls) {
      all += c.weight;
      if (c.purpose === 'lookup') lookups += c.weight;
    }
    return { all, lookups, oldest: calls[0]?.at ?? t };
  }

  function refuse(msg: string, until: number, t: number): Answer {
    return localAnswer(429, -1003, msg, 'over-budget', t, retryAfterSeconds(until, t));
  }

  return {
    /** Notes the exchange's `X-MBX-USED-WEIGHT-1M` from an answer. */
    observeUsedWeight(used: number | undefined) {
      if (used === undefined) return;
      const minute = Math.floor(now() / MINUTE);
      if (minute !== exchange.minute) Object.assign(exchange, { minute, used });
      else exchange.used = Math.max(exchange.used, used);
    },
    /** `undefined` when a call of this weight and purpose may go now; else the answer instead. */
    refusal(purpose: Purpose, weight: number): Answer | undefined {
      const t = now();
      const minute = Math.floor(t / MINUTE);
      if (exchange.minute === minute) {
        const share = exchange.used / exchangeLimit;
        const nextMinute = (minute + 1) * MINUTE;
        if (share >= STOP_AT || (purpose === 'lookup' && share >= SLOW_AT))
          return refuse(
            `The exchange reports this server's IP at ${exchange.used} of ${exchangeLimit} request weight this minute; it is asked again after the minute ends.`,
            nextMinute,
            t,
          );
      }
      const used = spent(t);
      const limit = purpose === 'lookup' ? lookupLimit : weightPerMinute;
      const current = purpose === 'lookup' ? used.lookups : used.all;
      if (current + weight > limit) {
        const who = purpose === 'lookup' ? 'Symbol lookups have' : 'This server has';
        return refuse(
          `${who} spent ${current} of ${limit} request weight at the upstream in the last minute; answers come from the shared pool list meanwhile.`,
          used.oldest + MINUTE,
          t,
        );
      }
      return undefined;
    },
    /** Counts a call that went upstream. */
    spend(purpose: Purpose, weight: number) {
      calls.push({ at: now(), weight, purpose });
    },
    /** What has been spent in the last minute, and the exchange's last reading. */
    usage() {
      const used = spent(now());
      return {
        weightLastMinute: used.all,
        lookupWeightLastMinute: used.lookups,
        limit: weightPerMinute,
        lookupLimit,
        exchangeUsedWeight:
          exchange.minute === Math.floor(now() / MINUTE) ? exchange.used : undefined,
      };
    },
  };
}

export type Budget = ReturnType<typeof createBudget>;
