/**
 * `GET /metrics`: the Prometheus text format (prom-client), from what the server already holds:
 * the pool list and asset index as the proxy serves them (its cache, never an extra call while
 * they are fresh), the ADL ratings, the history's last recording and its alerts, and the proxy's
 * own counts. Labels stay bounded: a pool is labelled by the short name the page gives it
 * (core/pools `poolName`), a symbol by its name, a rule by its name in the rules file.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Counter, Gauge, Registry } from 'prom-client';
import * as z from 'zod/mini';
import type { AdlLevel, AdlRating } from '../../src/core/adl.ts';
import { toNumber } from '../../src/core/decimal.ts';
import { poolListSchema, type Pool } from '../../src/core/pool-schema.ts';
import { poolKey, poolName } from '../../src/core/pools.ts';
import {
  assetIndexListSchema,
  indexMap,
  valuePool,
  type AssetIndexMap,
} from '../../src/core/valuation.ts';
import type { PartStatus } from '../health.ts';
import type { Next } from '../http/chain.ts';
import type { Answer } from '../proxy/answer.ts';
import type { Proxy } from '../proxy/proxy.ts';

export const METRICS_PATH = '/metrics';
/** How long a scrape waits for the proxy before it answers with what it last held. */
const WAIT_MS = 2_000;
const ADL_VALUE: Partial<Record<AdlLevel, number>> = { low: 0, medium: 1, high: 2 };

export interface MetricsSources {
  proxy: Pick<Proxy, 'poolList' | 'assetIndex' | 'status' | 'stats'>;
  /** The history's part of `/api/health` (its last recording and its alerts). */
  history?: (() => PartStatus) | undefined;
  /**
   * The ADL ratings: the main thread's last good reading through the proxy, taken on the
   * history's `FAPI_ADL_EVERY` timer (no call of its own); none until one was taken.
   */
  ratings?: () => AdlRating[] | Promise<AdlRating[]>;
}

interface Held {
  body: string;
  fetchedAt: number;
  pools: { name: string; pool: Pool }[];
}

/** Unique short names: a second pool of the same name (by key order) gets ` #2`. */
function named(pools: readonly Pool[]): Held['pools'] {
  const seen = new Map<string, number>();
  return [...pools]
    .sort((a, b) => (poolKey(a) < poolKey(b) ? -1 : 1))
    .map((pool) => {
      const base = poolName(pool) || pool.symbols[0] || 'pool';
      const n = (seen.get(base) ?? 0) + 1;
      seen.set(base, n);
      return { name: n === 1 ? base : `${base} #${n}`, pool };
    });
}

function within<T>(p: Promise<T>): Promise<T | undefined> {
  return Promise.race([
    p.catch(() => undefined),
    new Promise<undefined>((resolve) => {
      const late: ReturnType<typeof setTimeout> = setTimeout(() => resolve(undefined), WAIT_MS);
      late.unref();
    }),
  ]);
}

export function createMetrics(sources: MetricsSources) {
  const registry = new Registry();
  let held: Held | null = null;
  let index: { body: string; map: AssetIndexMap } | null = null;
  let ratings: AdlRating[] = [];
  /** What each pool gauge was last set from (the pool list and index as held then). */
  const setFrom = new Map<string, [Held | null, unknown]>();
  function changed(gauge: string): boolean {
    const was = setFrom.get(gauge);
    if (was && was[0] === held && was[1] === index) return false;
    setFrom.set(gauge, [held, index]);
    return true;
  }

  function take(answer: Answer | undefined) {
    if (!answer || answer.status !== 200 || answer.body === held?.body) return;
    let json: unknown;
    try {
      json = JSON.parse(answer.body);
    } catch {
      return;
    }
    const parsed = z.safeParse(poolListSchema, json);
    if (parsed.success)
      held = { body: answer.body, fetchedAt: answer.fetchedAt, pools: named(parsed.data) };
  }

  function takeIndex(answer: Answer | undefined) {
    if (!answer || answer.status !== 200 || answer.body === index?.body) return;
    try {
      const parsed = z.safeParse(assetIndexListSchema, JSON.parse(answer.body));
      if (parsed.success) index = { body: answer.body, map: indexMap(parsed.data) };
    } catch {
      // the last good index stays
    }
  }

  new Gauge({
    name: 'insurance_fund_balance',
    help: 'Balance of one asset of an insurance fund pool, in units of the asset.',
    labelNames: ['pool', 'asset'],
    registers: [registry],
    collect() {
      // The pools' figures change only with a new answer: a scrape between two leaves them set.
      if (!changed('balance')) return;
      this.reset();
      for (const { name, pool } of held?.pools ?? [])
        for (const a of pool.assets)
          this.set({ pool: name, asset: a.asset }, toNumber(a.marginBalance));
    },
  });
  new Gauge({
    name: 'insurance_fund_usd_value',
    help: 'Estimated USD value of a pool: each balance times its asset index, assets without one left out.',
    labelNames: ['pool'],
    registers: [registry],
    collect() {
      if (!changed('usd')) return;
      this.reset();
      if (!index) return;
      for (const { name, pool } of held?.pools ?? []) {
        const v = valuePool(pool, index.map);
        if (v.valued.length > 0) this.set({ pool: name }, toNumber(v.exact));
      }
    },
  });
  new Gauge({
    name: 'insurance_fund_pool_symbols',
    help: 'Number of symbols a pool covers.',
    labelNames: ['pool'],
    registers: [registry],
    collect() {
      if (!changed('symbols')) return;
      this.reset();
      for (const { name, pool } of held?.pools ?? []) this.set({ pool: name }, pool.symbols.length);
    },
  });
  new Gauge({
    name: 'insurance_adl_rating',
    help: 'The exchange ADL risk rating of a symbol: 0 low, 1 medium, 2 high.',
    labelNames: ['symbol'],
    registers: [registry],
    collect() {
      this.reset();
      for (const r of ratings) {
        const v = ADL_VALUE[r.level];
        if (v !== undefined) this.set({ symbol: r.symbol }, v);
      }
    },
  });
  new Gauge({
    name: 'insurance_last_snapshot_timestamp_seconds',
    help: 'When the server last received the pool list from the upstream (Unix time).',
    registers: [registry],
    collect() {
      this.reset();
      if (held) this.set(held.fetchedAt / 1000);
    },
  });
  new Gauge({
    name: 'insurance_last_recording_timestamp_seconds',
    help: 'When the history last recorded a snapshot (Unix time).',
    registers: [registry],
    collect() {
      this.reset();
      const at = sources.history?.().lastRecordingAt;
      if (typeof at === 'number') this.set(at / 1000);
    },
  });
  new Gauge({
    name: 'insurance_upstream_up',
    help: 'Whether the upstream answers the pool list (1) or fails or asked for a pause (0).',
    registers: [registry],
    collect() {
      const state = sources.proxy.status().poolList.state;
      this.set(state === 'ok' || state === 'unknown' ? 1 : 0);
    },
  });
  new Gauge({
    name: 'insurance_alerts_firing',
    help: 'Alerts firing now, by rule of the rules file.',
    labelNames: ['rule'],
    registers: [registry],
    collect() {
      this.reset();
      const alerts = sources.history?.().alerts as { firing?: Record<string, number> } | undefined;
      for (const [rule, n] of Object.entries(alerts?.firing ?? {})) this.set({ rule }, n);
    },
  });
  new Counter({
    name: 'insurance_proxy_requests_total',
    help: 'Requests the proxy answered, by outcome: from the cache, a new upstream call, a shared call in flight, the whole list, a pause, or over budget.',
    labelNames: ['outcome'],
    registers: [registry],
    collect() {
      const s = sources.proxy.stats;
      this.reset();
      const by = {
        hit: s.cacheHits,
        miss: s.upstreamCalls,
        shared: s.coalesced,
        from_list: s.fromList,
        paused: s.guarded,
        over_budget: s.overBudget,
      };
      for (const [outcome, n] of Object.entries(by)) this.inc({ outcome }, n);
    },
  });

  return {
    registry,
    /** The text of a scrape, after taking what the proxy and the history hold now. */
    async text(): Promise<string> {
      const [list, idx, adl] = await Promise.all([
        within(sources.proxy.poolList()),
        within(sources.proxy.assetIndex()),
        sources.ratings ? within(Promise.resolve(sources.ratings())) : undefined,
      ]);
      take(list);
      takeIndex(idx);
      if (adl) ratings = adl;
      return registry.metrics();
    },
  };
}

/** The route: `GET /metrics`, everything else passes on. */
export function createMetricsRoute(sources: MetricsSources) {
  const metrics = createMetrics(sources);
  return (req: IncomingMessage, res: ServerResponse, next: Next) => {
    if ((req.url ?? '').split('?')[0] !== METRICS_PATH) return next();
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD', 'content-type': 'text/plain' });
      return res.end('only GET is answered here\n');
    }
    metrics.text().then(
      (text) => {
        res.writeHead(200, {
          'content-type': metrics.registry.contentType,
          'cache-control': 'no-store',
        });
        res.end(text);
      },
      (error: unknown) => next(error),
    );
  };
}
