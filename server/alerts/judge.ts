/**
 * The rules judged against what the history holds at a recording: which conditions hold now.
 * Pure: the caller reads the store (the pools of the latest recording, their balances and the
 * highest balance of each window, the asset index, the ADL ratings) and compares the conditions
 * found with the episodes open (watch.ts). Every figure is an exact decimal string, compared
 * with the core's decimal functions.
 */
import { adlAtLeast, type AdlRating } from '../../src/core/adl.ts';
import { compareDecimals, multiplyDecimals, subtractDecimals } from '../../src/core/decimal.ts';
import { poolName } from '../../src/core/pools.ts';
import { indexOf, valuePool, type AssetIndexMap } from '../../src/core/valuation.ts';
import type { AlertRule } from './rules.ts';
import { windowMs } from './rules.ts';

/** A held balance's highest point within a window, by the window's length in ms. */
export interface Peak {
  t: number;
  balance: string;
}

/** A pool of the latest recording as the judge sees it. */
export interface JudgedPool {
  key: string;
  symbols: string[];
  /** When its current membership began (its members were last changed then, or it appeared). */
  since: number;
  assets: {
    asset: string;
    balance: string;
    t: number;
    /** The highest balance of this pool's series within each window (ms) the rules use. */
    peaks: ReadonlyMap<number, Peak | null>;
  }[];
}

export interface JudgeInput {
  rules: readonly AlertRule[];
  pools: readonly JudgedPool[];
  index: AssetIndexMap;
  ratings: readonly AdlRating[];
  /** The first and latest observations stored, `null` before the first. */
  first: number | null;
  last: number | null;
  now: number;
}

/** A condition that holds: what the episode of `rule` on `subject` is about. */
export interface Condition {
  rule: string;
  kind: AlertRule['kind'];
  subject: string;
  pool: { name: string; symbols: string[]; key: string | null };
  symbol: string | null;
  asset: string | null;
  value: string | null;
  reference: string | null;
  /** The rule's parameter in words, for the summary (`5 %`, `$1000000`, `high`). */
  detail: string;
}

/** How long a pool whose members changed counts as regrouped. */
export const REGROUPED_HOLD_MS = 3_600_000;

/** The windows (ms) of every `fall` rule: the highest balances the caller must find. */
export function fallWindows(rules: readonly AlertRule[]): number[] {
  return [...new Set(rules.flatMap((r) => (r.kind === 'fall' ? [windowMs(r.within)] : [])))];
}

/** Pool names by key: a name is worked out once while the pool's members stay. */
const names = new Map<string, string>();

function poolOf(p: JudgedPool) {
  let name = names.get(p.key);
  if (name === undefined) {
    if (names.size > 20_000) names.clear();
    names.set(p.key, (name = poolName({ symbols: p.symbols, assets: [] })));
  }
  return { key: p.key, symbols: p.symbols, name };
}

/**
 * How far above a limit, as a share, a figure judged in doubles must stand to be passed over
 * without the exact arithmetic (as core/drawdown does): doubles carry about 16 significant digits,
 * so only figures within this of the limit, or beyond it, are worked out exactly.
 */
const CLEAR_MARGIN = 1e-9;
const clearlyAbove = (x: number, limit: number) =>
  Number.isFinite(x) && Number.isFinite(limit) && x >= limit * (1 + CLEAR_MARGIN);

/** An asset's balance and window highs as doubles, parsed once per judging, for the quick look. */
const parsed = new WeakMap<
  JudgedPool['assets'][number],
  { balance: number; peak: (w: number) => number }
>();
function numbers(a: JudgedPool['assets'][number]) {
  let n = parsed.get(a);
  if (!n) {
    const peaks = new Map<number, number>();
    n = {
      balance: Number(a.balance),
      peak(w) {
        let v = peaks.get(w);
        if (v === undefined) peaks.set(w, (v = Number(a.peaks.get(w)?.balance ?? NaN)));
        return v;
      },
    };
    parsed.set(a, n);
  }
  return n;
}

/** `1 - percent / 100`, exactly. */
function keptShare(percent: number): string {
  return subtractDecimals('1', multiplyDecimals(String(percent), '0.01'));
}

function judgeFall(rule: Extract<AlertRule, { kind: 'fall' }>, input: JudgeInput): Condition[] {
  const w = windowMs(rule.within);
  const kept = keptShare(rule.percent);
  const keptF = Number(kept);
  const out: Condition[] = [];
  for (const p of input.pools) {
    if (rule.symbol && !p.symbols.includes(rule.symbol)) continue;
    for (const a of p.assets) {
      if (rule.asset && a.asset !== rule.asset) continue;
      const peak = a.peaks.get(w);
      if (!peak) continue;
      const n = numbers(a);
      if (clearlyAbove(n.balance, n.peak(w) * keptF)) continue;
      if (compareDecimals(peak.balance, '0') <= 0) continue;
      if (compareDecimals(a.balance, multiplyDecimals(peak.balance, kept)) > 0) continue;
      out.push({
        rule: rule.name,
        kind: 'fall',
        subject: `${p.key}\n${a.asset}`,
        pool: poolOf(p),
        symbol: rule.symbol ?? null,
        asset: a.asset,
        value: a.balance,
        reference: peak.balance,
        detail: `${rule.percent} % within ${rule.within}`,
      });
    }
  }
  return out;
}

/** Each pool's USD value, worked out once per judging and only where a rule needs it exactly. */
function valuesOf(input: JudgeInput) {
  const rough = new Map<JudgedPool, number>();
  const exact = new Map<JudgedPool, string | undefined>();
  return {
    /** In doubles: NaN where no asset is valued. */
    rough(p: JudgedPool): number {
      let v = rough.get(p);
      if (v === undefined) {
        let sum = 0;
        let valued = false;
        for (const a of p.assets) {
          const entry = indexOf(input.index, a.asset);
          if (!entry) continue;
          valued = true;
          sum += Number(a.balance) * Number(entry.index);
        }
        rough.set(p, (v = valued ? sum : NaN));
      }
      return v;
    },
    exact(p: JudgedPool): string | undefined {
      if (!exact.has(p)) {
        const pool = {
          symbols: p.symbols,
          assets: p.assets.map((a) => ({
            asset: a.asset,
            marginBalance: a.balance,
            updateTime: a.t,
          })),
        };
        const v = valuePool(pool, input.index);
        exact.set(p, v.valued.length > 0 ? v.usd : undefined);
      }
      return exact.get(p);
    },
  };
}

function judgeBelow(
  rule: Extract<AlertRule, { kind: 'below' }>,
  input: JudgeInput,
  values: ReturnType<typeof valuesOf>,
): Condition[] {
  const threshold = String(rule.balance ?? rule.usd);
  const limit = Number(threshold);
  const out: Condition[] = [];
  for (const p of input.pools) {
    let value: string | undefined;
    if (rule.balance !== undefined) {
      value = p.assets.find((a) => a.asset === rule.asset)?.balance;
      if (value === undefined || clearlyAbove(Number(value), limit)) continue;
    } else {
      const rough = values.rough(p);
      if (Number.isNaN(rough) || clearlyAbove(rough, limit)) continue;
      value = values.exact(p);
    }
    if (value === undefined || compareDecimals(value, threshold) >= 0) continue;
    out.push({
      rule: rule.name,
      kind: 'below',
      subject: `${p.key}\n${rule.asset ?? 'USD'}`,
      pool: poolOf(p),
      symbol: null,
      asset: rule.asset ?? null,
      value,
      reference: threshold,
      detail: rule.balance !== undefined ? `${threshold} ${rule.asset}` : `$${threshold}`,
    });
  }
  return out;
}

function judgeAdl(rule: Extract<AlertRule, { kind: 'adl' }>, input: JudgeInput): Condition[] {
  const bySymbol = new Map<string, JudgedPool>();
  for (const p of input.pools) for (const s of p.symbols) bySymbol.set(s, p);
  const out: Condition[] = [];
  for (const r of input.ratings) {
    if (rule.symbol && r.symbol !== rule.symbol) continue;
    if (!adlAtLeast(r.level, rule.level)) continue;
    const p = bySymbol.get(r.symbol);
    out.push({
      rule: rule.name,
      kind: 'adl',
      subject: r.symbol,
      pool: p ? poolOf(p) : { key: null, name: r.symbol, symbols: [r.symbol] },
      symbol: r.symbol,
      asset: null,
      value: null,
      reference: null,
      detail: r.level,
    });
  }
  return out;
}

/** Judges every rule; the conditions that hold now, each once per rule and subject. */
export function judge(input: JudgeInput): Condition[] {
  const out: Condition[] = [];
  const values = valuesOf(input);
  for (const rule of input.rules) {
    if (rule.kind === 'fall') out.push(...judgeFall(rule, input));
    else if (rule.kind === 'below') out.push(...judgeBelow(rule, input, values));
    else if (rule.kind === 'adl') out.push(...judgeAdl(rule, input));
    else if (rule.kind === 'regrouped') {
      for (const p of input.pools)
        if (
          input.first !== null &&
          p.since > input.first &&
          input.now - p.since < REGROUPED_HOLD_MS
        )
          out.push({
            rule: rule.name,
            kind: 'regrouped',
            subject: p.key,
            pool: poolOf(p),
            symbol: null,
            asset: null,
            value: null,
            reference: null,
            detail: '',
          });
    } else if (input.last !== null && input.now - input.last >= rule.minutes * 60_000)
      out.push({
        rule: rule.name,
        kind: 'stale',
        subject: '*',
        pool: { key: null, name: 'every pool', symbols: [] },
        symbol: null,
        asset: null,
        value: null,
        reference: null,
        detail: `${rule.minutes} min`,
      });
  }
  return out;
}
