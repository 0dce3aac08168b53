import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AssetIndexEntry } from '../../src/core/valuation.ts';
import type { HistoryAdapter } from '../history/adapter.ts';
import { recordAdl } from '../history/record-adl.ts';
import { recordSnapshots } from '../history/record-snapshot.ts';
import { openSqliteAdapter } from '../history/sqlite/sqlite-adapter.ts';
import {
  createMarket,
  NEW_LISTINGS,
  poolListOf,
  seededRandom,
  type DemoPool,
  type MarketOptions,
} from './market.ts';
import { adlAfterDrop } from './adl-seed.ts';

export interface SeedOptions extends MarketOptions {
  /** Days of history to generate; 30 by default. */
  days?: number;
  /** Time between two generated snapshots; 5 minutes by default. */
  everyMs?: number;
  /** The asset index at a time, recorded beside each snapshot when given. */
  indexAt?: (t: number) => readonly AssetIndexEntry[];
  /** The demo's own store; by default a fresh file in a temporary folder, never HISTORY_DB. */
  store?: HistoryAdapter;
}

const DAY = 86_400_000;

/** The month's regrouping, 10 days before the end of 30: a symbol moves into another's pool. */
export const LINK_MOVE = { symbol: 'LINKUSDT', into: '1000PEPEUSDT' } as const;
/** The day's regrouping: a symbol of a small pool moves into a larger one, 6 hours before the end. */
export const LATE_MOVE = { symbol: 'MUBARAKUSDT', into: 'APEUSDT' } as const;
export const LATE_MOVE_BEFORE_END = 6 * 3_600_000;

/**
 * A small random walk, quieter than the live one: a month of 5-minute steps with a few
 * drawdowns. As on the exchange, a small pool's balance does not change at every snapshot.
 */
function walk(pools: DemoPool[], random: () => number, t: number, updated: Map<DemoPool, number>) {
  for (const [i, p] of pools.entries()) {
    if (p.frozenAt !== undefined || (i >= 4 && random() < 0.6)) continue;
    updated.set(p, t);
    for (const a of p.assets)
      a.units =
        (a.units * BigInt(Math.round((1 + (random() - 0.5) * 0.002) * 1e9))) / 1_000_000_000n;
  }
}

/**
 * The generated month, step by step, from a fresh market with a fixed seed: the same options
 * give the same steps, so the end state can be had at once and the history recorded after.
 * In it: a symbol moves from one pool to another (day 20 of 30), a pool of new listings appears
 * (day 25), a few drawdowns, and a second symbol moves 6 hours before the end, recent enough
 * for the overview's 24 h and 7 d changes and its recent events to show a regrouping.
 */
function* steps(options: SeedOptions, start: number, count: number, every: number) {
  const market = createMarket({ ...options, now: start + count * every });
  const random = seededRandom((options.seed ?? 1) ^ 0x415);
  const moveAt = start + Math.floor(count * (20 / 30)) * every;
  const lateMoveAt = start + Math.max(0, count - Math.round(LATE_MOVE_BEFORE_END / every)) * every;
  const appearAt = start + Math.floor(count * (25 / 30)) * every;
  const dropAt = [0.15, 0.45, 0.72, 0.9].map((f) => start + Math.floor(count * f) * every);
  const moves = [
    { at: moveAt, ...LINK_MOVE },
    { at: lateMoveAt, ...LATE_MOVE },
  ].map((m) => ({
    ...m,
    from: market.find((p) => p.symbols.includes(m.symbol)),
    to: market.find((p) => p.symbols.includes(m.into)),
  }));
  const listed: DemoPool = {
    symbols: [...NEW_LISTINGS],
    assets: [{ asset: 'USDT', units: 250_000n * 100_000_000n, decimals: 8, frozen: false }],
  };
  const updated = new Map<DemoPool, number>();
  for (let i = 0; i <= count; i += 1) {
    const t = start + i * every;
    if (i > 0) walk(market, random, t, updated);
    // Only the member lists change: each pool's balances go on from where they were.
    for (const m of moves) {
      if (t !== m.at || !m.from || !m.to || m.from === m.to) continue;
      m.from.symbols = m.from.symbols.filter((s) => s !== m.symbol);
      m.to.symbols = [...m.to.symbols, m.symbol].sort();
    }
    if (t === appearAt) market.push(listed);
    const di = dropAt.indexOf(t);
    const dropped = di === -1 ? undefined : market[(di * 7 + 3) % market.length]!;
    if (dropped) {
      const victim = dropped.assets[0]!;
      victim.units = (victim.units * 80n) / 100n;
    }
    yield {
      t,
      market,
      pools: () => poolListOf(market, (p) => p.frozenAt ?? updated.get(p) ?? t),
      dropped: dropped?.symbols,
    };
  }
}

/** A fresh store in a temporary folder of its own, removed when the store is closed. */
function ownStore(): HistoryAdapter {
  const dir = mkdtempSync(join(tmpdir(), 'demo-history-'));
  const store = openSqliteAdapter({ path: join(dir, 'demo-history.sqlite') });
  return {
    ...store,
    async close() {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Snapshots recorded per transaction; the event loop runs between two, so a server stays responsive. */
const CHUNK = 576;

/**
 * Generates `days` of history for the demo market, one snapshot every `everyMs`, ending now.
 * Returns at once the market as it stands at the end (for the demo upstream to go on from) and
 * the demo's own store, and `filled`, which resolves once the history is recorded into it, in
 * chunks, so a server can start serving live data while it fills.
 */
export function seedDemoHistory(options: SeedOptions = {}) {
  const every = options.everyMs ?? 300_000;
  const count = Math.floor(((options.days ?? 30) * DAY) / every);
  const end = Math.floor((options.now ?? Date.now()) / every) * every;
  const start = end - count * every;
  let market: DemoPool[] = [];
  for (const step of steps(options, start, count, every)) market = step.market;
  const store = options.store ?? ownStore();
  const started = performance.now();
  const filled = (async () => {
    const all = steps(options, start, count, every);
    const drops: { t: number; symbols: readonly string[] }[] = [];
    function* chunk() {
      for (let i = 0; i < CHUNK; i += 1) {
        const next = all.next();
        if (next.done) return;
        const { t, pools, dropped } = next.value;
        if (dropped) drops.push({ t, symbols: dropped });
        const index = options.indexAt?.(t);
        yield { observedAt: t, pools: pools(), ...(index ? { index } : {}) };
      }
    }
    while ((await store.write((tx) => recordSnapshots(tx, chunk(), 3 * every))) === CHUNK)
      await new Promise((r) => setImmediate(r));
    // The exchange's ADL ratings over the month, one of them raised after a drawdown of its pool.
    const ratings = adlAfterDrop(market, drops, start, end);
    await store.write((tx) => recordAdl(tx, ratings));
    return { ms: performance.now() - started, error: null as string | null };
  })().catch((error: unknown) => ({
    // Never a rejection to be left unhandled: the demo goes on without its past.
    ms: performance.now() - started,
    error: `the demo history could not be generated: ${(error as Error).message}`,
  }));
  return { store, market, from: start, to: end, snapshots: count + 1, filled };
}
