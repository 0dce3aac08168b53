import { retryAfterSeconds } from '../../src/core/retry-after.ts';
import {
  ADL_RISK_PATH,
  ASSET_INDEX_PATH,
  INSURANCE_BALANCE_PATH,
  isPauseStatus,
  requestWeight,
  type ForwardedPath,
} from '../../src/core/upstream.ts';
import { createAnswerCache } from './answer-cache.ts';
import type { Answer, Outcome } from './answer.ts';
import { createBudget, type Purpose } from './budget.ts';
import { lookupInList } from './list-lookup.ts';
import { createPauseGuard } from './pause-guard.ts';
import { callUpstream } from './upstream-call.ts';
import { createUpstreamState } from './upstream-state.ts';

export interface ProxyOptions {
  /** Base URL of the USDⓈ-M futures REST host, e.g. `https://fapi.binance.com`. */
  upstream: string;
  /** How long one upstream answer serves every viewer; 0 turns the cache off. */
  cacheTtlMs: number;
  /** An upstream silent for this long is answered with 504. */
  timeoutMs?: number;
  /** The cache never holds more answers than this. */
  maxEntries?: number;
  /** Request weight spent upstream in any 60 s, whoever asks (a quarter of the exchange's 2400). */
  weightPerMinute?: number;
  /** The share of that budget symbol lookups may spend; the rest is the lists'. */
  lookupShare?: number;
  /** An upstream answer larger than this is not read to the end, and answered with 502. */
  maxBodyBytes?: number;
  now?: () => number;
  log?: (line: string) => void;
  /** Told of each new pool-list answer the upstream gives (200), as it comes in: the pages warm on it. */
  onPoolList?: (answer: Answer) => void;
}

export interface ProxyStats {
  upstreamCalls: number;
  cacheHits: number;
  coalesced: number;
  guarded: number;
  /** Answered 429 by this server because its budget was spent. */
  overBudget: number;
  /** Symbol lookups answered from a list the proxy held, with no call of their own. */
  fromList: number;
}

/** What a viewer (or a part of the server) asks for: one forwarded path, maybe one symbol. */
export interface Target {
  path: ForwardedPath;
  /** Already checked and normalised (core/symbol). */
  symbol?: string;
}

/**
 * The proxy's parts put together: for each target, the answer a viewer asking now gets, from
 * the pause guard, the cache, a call in flight, the list already held, or a new call within the
 * budget. The route, the page renderer and the recorder all ask through here, so none of them
 * ever costs the upstream a call another would not have caused.
 */
export function createProxy(options: ProxyOptions) {
  const now = options.now ?? Date.now;
  const log = options.log ?? ((line: string) => console.info(line));
  const base = options.upstream.replace(/\/+$/, '');
  const call = {
    timeoutMs: options.timeoutMs ?? 10_000,
    maxBodyBytes: options.maxBodyBytes ?? 4 * 1024 * 1024,
    now,
  };
  const cache = createAnswerCache({
    ttlMs: options.cacheTtlMs,
    maxEntries: options.maxEntries ?? 256,
    now,
  });
  const guard = createPauseGuard(now);
  const budget = createBudget({
    weightPerMinute: options.weightPerMinute ?? 600,
    lookupShare: options.lookupShare ?? 0.5,
    now,
  });
  const health = {
    [INSURANCE_BALANCE_PATH]: createUpstreamState((l) => log(`${l} (pool list)`), now),
    [ASSET_INDEX_PATH]: createUpstreamState((l) => log(`${l} (asset index)`), now),
    [ADL_RISK_PATH]: createUpstreamState((l) => log(`${l} (ADL risk)`), now),
  };
  const stats: ProxyStats = {
    upstreamCalls: 0,
    cacheHits: 0,
    coalesced: 0,
    guarded: 0,
    overBudget: 0,
    fromList: 0,
  };

  async function fetchFresh(url: string, target: Target): Promise<Answer> {
    stats.upstreamCalls += 1;
    const result = await callUpstream(url, call);
    guard.observe(result.answer.status, result.retryAfter);
    budget.observeUsedWeight(result.usedWeight);
    if (target.symbol === undefined) health[target.path].observe(result.answer);
    if (target.symbol === undefined && target.path === INSURANCE_BALANCE_PATH)
      if (result.answer.status === 200) options.onPoolList?.(result.answer);
    // Viewers get the exchange's pause as the time left of it, like every answer during it.
    return isPauseStatus(result.answer.status)
      ? { ...result.answer, retryAfterS: retryAfterSeconds(guard.until, now()) }
      : result.answer;
  }

  async function obtain(
    target: Target,
    purpose: Purpose = target.symbol === undefined ? 'list' : 'lookup',
  ): Promise<{ answer: Answer; outcome: Outcome }> {
    const url =
      target.symbol === undefined
        ? base + target.path
        : `${base}${target.path}?symbol=${encodeURIComponent(target.symbol)}`;
    const paused = guard.refusal();
    if (paused) {
      stats.guarded += 1;
      return { answer: paused, outcome: 'GUARD' };
    }
    const cached = cache.fresh(url);
    if (cached) {
      stats.cacheHits += 1;
      return { answer: cached, outcome: 'HIT' };
    }
    // A symbol's answer is inside the whole list, which every viewer shares: one list call
    // serves every lookup until it expires. A list call a lookup causes is the lookups' to pay
    // for, so no client cycling through symbols spends what the pool list needs. Only without a
    // cache, or when the list is not a readable list, does a lookup go upstream by itself.
    if (target.symbol !== undefined && options.cacheTtlMs > 0) {
      const list = await obtain({ path: target.path }, 'lookup');
      if (list.answer.status !== 200) return list;
      const found = lookupInList(list.answer, target.symbol);
      if (found) {
        stats.fromList += 1;
        return { answer: found, outcome: list.outcome === 'MISS' ? 'MISS' : 'HIT' };
      }
    }
    const pending = cache.pending(url);
    if (pending) {
      stats.coalesced += 1;
      return { answer: await pending, outcome: 'SHARED' };
    }
    const weight = requestWeight(target.path, target.symbol !== undefined);
    const refused = budget.refusal(purpose, weight);
    if (refused) {
      stats.overBudget += 1;
      return { answer: refused, outcome: 'LOCAL' };
    }
    budget.spend(purpose, weight);
    return { answer: await cache.share(url, () => fetchFresh(url, target)), outcome: 'MISS' };
  }

  return {
    obtain,
    /** The pool list as a viewer asking now would get it: for the renderer and the recorder. */
    poolList: async () => (await obtain({ path: INSURANCE_BALANCE_PATH })).answer,
    /** The pool list if the proxy holds it fresh (and no pause is on), without waiting for anything. */
    peekPoolList: (): Answer | undefined =>
      guard.until > now() ? undefined : cache.fresh(base + INSURANCE_BALANCE_PATH),
    /** The full asset index as a viewer asking now would get it. */
    assetIndex: async () => (await obtain({ path: ASSET_INDEX_PATH })).answer,
    /** Every symbol's ADL risk rating as a viewer asking now would get it: for the recorder. */
    adlRisk: async () => (await obtain({ path: ADL_RISK_PATH })).answer,
    stats,
    status: () => ({
      poolList: health[INSURANCE_BALANCE_PATH].status(),
      assetIndex: health[ASSET_INDEX_PATH].status(),
      adlRisk: health[ADL_RISK_PATH].status(),
      pausedUntil: guard.until > now() ? guard.until : null,
      budget: budget.usage(),
    }),
  };
}

export type Proxy = ReturnType<typeof createProxy>;
