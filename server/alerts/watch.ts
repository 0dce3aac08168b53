/**
 * The alerts in the history's thread, where the store is: the rules judged after every
 * recording (and every 15 s for `stale`), episodes opened and ended in the store, the outbox
 * sent on its own, and the answer of `GET /api/alerts`.
 */
import type { AdlRating } from '../../src/core/adl.ts';
import { ALERTS_PATH, type AlertsAnswer, type AlertView } from '../../src/core/alerts.ts';
import { indexMap } from '../../src/core/valuation.ts';
import type { HistoryAdapter } from '../history/adapter.ts';
import type { HistoryAnswer } from '../history/routes.ts';
import type { Delivery, Episode } from './alert-store.ts';
import { createSender, type RetryPolicy } from './deliver.ts';
import { fallWindows, judge, type JudgedPool } from './judge.ts';
import { episodeOf, resolvedSummary } from './notify.ts';
import { createPeaks } from './peaks.ts';
import type { AlertRule, RulesLoad, RulesProblem } from './rules.ts';

/** What `/api/health` and `/metrics` say of the alerts. */
export interface AlertsHealth {
  state: 'ok' | 'degraded' | 'off';
  rules: number;
  /** Active alerts by rule name (bounded by the rules file). */
  firing: Record<string, number>;
  problem?: RulesProblem;
  lastError?: string;
  /** How long the latest judging took, in ms (the benchmark reads it). */
  lastJudgeMs?: number;
}

export interface AlertsOptions {
  store: HistoryAdapter;
  load: RulesLoad;
  /** The ADL ratings to judge `adl` rules against; none until the history records them. */
  ratings?: () => Promise<AdlRating[]>;
  log?: (line: string) => void;
  now?: () => number;
  retry?: RetryPolicy;
  pollMs?: number;
  timeoutMs?: number;
  staleEveryMs?: number;
}

const WEEK = 7 * 86_400_000;

/** What a rule watches, in words. */
export function watches(rule: AlertRule): string {
  switch (rule.kind) {
    case 'fall':
      return `${rule.asset ?? 'every asset'} of ${rule.symbol ? `the pool of ${rule.symbol}` : 'every pool'} falling ${rule.percent} % below its high within ${rule.within}`;
    case 'below':
      return rule.asset
        ? `${rule.asset} balance of every pool under ${rule.balance}`
        : `USD value of every pool under $${rule.usd}`;
    case 'adl':
      return `${rule.symbol ?? 'any symbol'} rated ${rule.level} or higher for ADL risk`;
    case 'regrouped':
      return 'a symbol moving between pools';
    case 'stale':
      return `no new snapshot for ${rule.minutes} minutes`;
  }
}

/** A rule's figures, for the page to word in its language. */
function paramsOf(rule: AlertRule): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const k of ['percent', 'within', 'usd', 'balance', 'level', 'minutes'] as const) {
    const v = (rule as Partial<Record<typeof k, string | number>>)[k];
    if (v !== undefined) out[k] = v;
  }
  return out;
}

function view(e: Episode & { delivery: Delivery }): AlertView {
  return {
    id: String(e.id),
    rule: e.rule,
    kind: e.kind as AlertView['kind'],
    pool: { name: e.poolName, symbols: e.symbols },
    symbol: e.symbol,
    asset: e.asset,
    value: e.value,
    reference: e.reference,
    startsAt: e.startsAt,
    endsAt: e.endsAt,
    summary: e.endsAt === null ? e.summary : (e.endSummary ?? e.summary),
    delivery: e.delivery,
  };
}

export function createAlerts(options: AlertsOptions) {
  const { store, load, log = () => undefined, now = Date.now } = options;
  const file = load.kind === 'ok' ? load.file : null;
  const rules = file?.rules ?? [];
  const webhooks = file?.webhooks ?? [];
  const alerts = store.alerts?.();
  const peaks = createPeaks(store);
  const health: AlertsHealth = {
    state: load.kind === 'bad' ? 'degraded' : rules.length > 0 && alerts ? 'ok' : 'off',
    rules: rules.length,
    firing: {},
    ...(load.kind === 'bad' ? { problem: load.problem } : {}),
  };
  const sender =
    alerts && rules.length > 0
      ? createSender({
          store: alerts,
          webhooks: () => webhooks,
          log,
          now,
          ...(options.retry ? { retry: options.retry } : {}),
          ...(options.pollMs ? { pollMs: options.pollMs } : {}),
          ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}),
        })
      : null;
  /** `stale` counts from the later of the last recording and this start: a server just started is not stale. */
  const startedAt = now();
  let judging: Promise<void> | null = null;
  let again = false;

  async function poolsNow(last: number, windows: number[]): Promise<JudgedPool[]> {
    const rows = await store.membershipsAt(last);
    const since = new Map<number, number>();
    for (const r of rows) since.set(r.pool, Math.min(since.get(r.pool) ?? r.from, r.from));
    const ids = [...since.keys()];
    const [pools, series] = await Promise.all([store.pools(ids), store.seriesOfPools(ids)]);
    const peakMap = windows.length > 0 ? await peaks.of(series, windows) : new Map();
    const byPool = new Map<number, JudgedPool['assets']>();
    for (const s of series) {
      if (!s.last) continue;
      const list = byPool.get(s.pool) ?? [];
      list.push({
        asset: s.asset,
        balance: s.last.balance,
        t: s.last.t,
        peaks: peakMap.get(s.id) ?? new Map(),
      });
      byPool.set(s.pool, list);
    }
    return pools.map((p) => ({
      key: p.key,
      symbols: p.symbols,
      since: since.get(p.id) ?? 0,
      assets: byPool.get(p.id) ?? [],
    }));
  }

  async function judgeOnce() {
    if (!alerts || rules.length === 0 || store.info().role !== 'writer') return;
    const at = now();
    const bounds = await store.observationBounds();
    const pools = bounds ? await poolsNow(bounds.last, fallWindows(rules)) : [];
    const assets = [...new Set(pools.flatMap((p) => p.assets.map((a) => a.asset)))];
    const needsIndex = rules.some((r) => r.kind === 'below' && r.usd !== undefined);
    const index = needsIndex
      ? indexMap(
          (await store.latestIndex(assets)).map((r) => ({
            symbol: `${r.asset}USD`,
            index: r.index,
            time: r.t,
          })),
        )
      : new Map();
    const ratings =
      options.ratings && rules.some((r) => r.kind === 'adl') ? await options.ratings() : [];
    const started = performance.now();
    const found = judge({
      rules,
      pools,
      index,
      ratings,
      first: bounds?.first ?? null,
      last: Math.max(bounds?.last ?? 0, startedAt),
      now: at,
    });
    health.lastJudgeMs = performance.now() - started;
    const hooks = webhooks.map((w) => w.name);
    const open = await alerts.open();
    const holds = new Set(found.map((c) => `${c.rule}\n${c.subject}`));
    const isOpen = new Set(open.map((e) => `${e.rule}\n${e.subject}`));
    // An episode begins and ends at the recording that showed it (`stale`: when it is judged).
    const seenAt = (kind: string) => (kind === 'stale' ? at : (bounds?.last ?? at));
    for (const c of found)
      if (!isOpen.has(`${c.rule}\n${c.subject}`)) {
        const id = await alerts.fire(episodeOf(c, seenAt(c.kind), file?.dashboardUrl), hooks, at);
        if (id !== null)
          log(`alerts: "${c.rule}" fires (${c.pool.name}${c.asset ? `, ${c.asset}` : ''})`);
      }
    for (const e of open)
      if (
        !holds.has(`${e.rule}\n${e.subject}`) &&
        (await alerts.resolve(e.id, seenAt(e.kind), resolvedSummary(e), hooks, at))
      )
        log(`alerts: "${e.rule}" resolved (${e.poolName}${e.asset ? `, ${e.asset}` : ''})`);
    const firing: Record<string, number> = {};
    for (const r of rules) firing[r.name] = 0;
    for (const c of found) firing[c.rule] = (firing[c.rule] ?? 0) + 1;
    health.firing = firing;
    delete health.lastError;
    void sender?.kick();
  }

  /** Judges now; a call during a judging runs once more after it. Never rejects. */
  function judgeNow(): Promise<void> {
    if (judging) {
      again = true;
      return judging;
    }
    judging = (async () => {
      do {
        again = false;
        await judgeOnce().catch((error: unknown) => {
          const message = `the rules could not be judged: ${(error as Error).message}`;
          if (health.lastError !== message) log(`alerts: ${message}`);
          health.lastError = message;
        });
      } while (again);
    })().finally(() => (judging = null));
    return judging;
  }

  const staleRules = rules.some((r) => r.kind === 'stale');
  const timer = staleRules
    ? setInterval(() => void judgeNow(), options.staleEveryMs ?? 15_000)
    : undefined;
  timer?.unref();

  async function answer(): Promise<AlertsAnswer> {
    const recent = alerts ? await alerts.recent(now() - WEEK, 200) : [];
    const names = new Set(rules.map((r) => r.name));
    return {
      rules: rules.map((r) => ({
        name: r.name,
        kind: r.kind,
        watches: watches(r),
        symbol: 'symbol' in r ? (r.symbol ?? null) : null,
        asset: 'asset' in r ? (r.asset ?? null) : null,
        params: paramsOf(r),
      })),
      active: recent.filter((e) => e.endsAt === null && names.has(e.rule)).map(view),
      recent: recent.filter((e) => e.startsAt >= now() - WEEK).map(view),
      problem: load.kind === 'bad' ? load.problem : null,
    };
  }

  return {
    judgeNow,
    /** Sends what is due now (tests). */
    send: () => sender?.kick() ?? Promise.resolve(),
    status: (): AlertsHealth => ({ ...health, firing: { ...health.firing } }),
    /** The body of `GET /api/alerts` (its route is in HISTORY_ROUTES, server/history/routes.ts). */
    answer,
    /** `GET /api/alerts` as the history's answers take it; `null` for any other path. */
    async answers(path: string): Promise<HistoryAnswer | null> {
      if (path !== ALERTS_PATH) return null;
      try {
        return { status: 200, body: await answer() };
      } catch (error) {
        return {
          status: 503,
          body: {
            code: 503,
            msg: `the alerts cannot be read right now: ${(error as Error).message}`,
          },
        };
      }
    },
    async close() {
      if (timer) clearInterval(timer);
      await judging;
      await sender?.stop();
    },
  };
}
export type Alerts = ReturnType<typeof createAlerts>;

/** Reads the rules file and says in the log what it will watch, or what is wrong with it. */
export function describeLoad(load: RulesLoad, path: string | undefined): string {
  if (load.kind === 'none') return 'alerts: no rules file (ALERTS_FILE); no alerts are judged';
  if (load.kind === 'bad')
    return `alerts: ${path} cannot be used: ${load.problem.field} ${load.problem.message}; no alerts are judged (the dashboard runs on)`;
  return `alerts: ${load.file.rules.length} rule(s), ${load.file.webhooks.length} webhook(s) from ${path}`;
}
