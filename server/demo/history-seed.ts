import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AssetIndexEntry } from '../../src/core/asset-index.ts';
import type { Pool } from '../../src/core/pool-schema.ts';
import type { HistoryAdapter } from '../history/adapter.ts';
import { recordSnapshot } from '../history/record-snapshot.ts';
import { openSqliteAdapter } from '../history/sqlite/sqlite-adapter.ts';
import {
  createMarket,
  formatUnits,
  seededRandom,
  type DemoPool,
  type MarketOptions,
} from './market.ts';

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

function snapshotOf(pools: DemoPool[], t: number, updated: Map<DemoPool, number>): Pool[] {
  return pools.map((p) => ({
    symbols: [...p.symbols],
    assets: p.assets.map((a) => ({
      asset: a.asset,
      marginBalance: formatUnits(a.units, a.decimals),
      updateTime: p.frozenAt ?? updated.get(p) ?? t,
    })),
  }));
}

/**
 * Generates `days` of history for the demo market, one snapshot every `everyMs`, ending now at
 * the market's state, and records it into the demo's own store. In it: a symbol moves from one
 * pool to another (day 20 of 30), a pool of new listings appears (day 25), and a few drawdowns.
 * Returns the store and the market as it stands at the end, for the demo upstream to go on from.
 */
export async function seedDemoHistory(options: SeedOptions = {}) {
  const now = options.now ?? Date.now();
  const every = options.everyMs ?? 300_000;
  const days = options.days ?? 30;
  const steps = Math.floor((days * DAY) / every);
  const end = Math.floor(now / every) * every;
  const start = end - steps * every;
  const market = createMarket({ ...options, now });
  const random = seededRandom((options.seed ?? 1) ^ 0x415);
  const store =
    options.store ??
    openSqliteAdapter({
      path: join(mkdtempSync(join(tmpdir(), 'demo-history-')), 'demo-history.sqlite'),
    });

  const moveAt = start + Math.floor(steps * (20 / 30)) * every;
  const appearAt = start + Math.floor(steps * (25 / 30)) * every;
  const dropAt = [0.15, 0.45, 0.72, 0.9].map((f) => start + Math.floor(steps * f) * every);
  const donor = market.find((p) => p.symbols.includes('LINKUSDT'));
  const receiver = market.find((p) => p.symbols.includes('1000PEPEUSDT'));
  const listed: DemoPool = {
    symbols: ['NEWAUSDT', 'NEWBUSDT', 'NEWCUSDT'],
    assets: [{ asset: 'USDT', units: 250_000n * 100_000_000n, decimals: 8, frozen: false }],
  };
  const live = market.filter((p) => p !== listed);

  const updated = new Map<DemoPool, number>();
  const started = performance.now();
  await store.write(async (tx) => {
    for (let i = 0; i <= steps; i += 1) {
      const t = start + i * every;
      if (i > 0) walk(live, random, t, updated);
      if (t === moveAt && donor && receiver) {
        donor.symbols = donor.symbols.filter((s) => s !== 'LINKUSDT');
        receiver.symbols = [...receiver.symbols, 'LINKUSDT'].sort();
      }
      if (t === appearAt) live.push(listed);
      const di = dropAt.indexOf(t);
      if (di !== -1) {
        const victim = live[(di * 7 + 3) % live.length]!.assets[0]!;
        victim.units = (victim.units * 80n) / 100n;
      }
      const index = options.indexAt?.(t);
      await recordSnapshot(
        tx,
        { observedAt: t, pools: snapshotOf(live, t, updated), ...(index ? { index } : {}) },
        3 * every,
      );
    }
  });
  market.splice(0, market.length, ...live);
  return {
    store,
    market,
    from: start,
    to: end,
    snapshots: steps + 1,
    ms: performance.now() - started,
  };
}
