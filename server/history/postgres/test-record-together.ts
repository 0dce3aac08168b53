import * as z from 'zod/mini';
import { poolListSchema, type Pool } from '../../../src/core/pool-schema.ts';
import { INSURANCE_BALANCE_PATH } from '../../../src/core/upstream.ts';
import type { HistoryAdapter, HistoryReader } from '../adapter.ts';
import { createRecorder } from '../recorder.ts';
import { poolKey } from '../../../src/core/pools.ts';

/**
 * Several servers recording one upstream into one store, as a team's servers sharing a database
 * do: each its own recorder, its own connection and its own upstream call, all at the same
 * moment. Used by the test that shows a snapshot is stored once, and by the benchmark.
 */
export interface SharedRecording {
  /** Every `(pool, asset, updateTime)` any of the servers received. */
  seen: Set<string>;
  /** Every `(pool, asset, t)` stored, once per stored point. */
  stored: string[];
  /** Rounds in which every server recorded. */
  rounds: number;
}

const valueKey = (pool: string, asset: string, t: number) => `${pool}\n${asset}\n${t}`;

/** Every stored point of the pools seen, read through the adapter interface. */
export async function storedPoints(db: HistoryReader, pools: Iterable<Pool>): Promise<string[]> {
  const out: string[] = [];
  const done = new Set<number>();
  for (const p of pools) {
    const symbol = await db.symbolId(p.symbols[0]!);
    if (symbol === undefined) continue;
    const ids = (await db.poolsOfSymbol(symbol)).filter((id) => !done.has(id));
    ids.forEach((id) => done.add(id));
    const keys = new Map((await db.pools(ids)).map((r) => [r.id, r.key]));
    for (const s of await db.seriesOfPools(ids))
      for (const point of await db.points(s.id, 0, Number.MAX_SAFE_INTEGER))
        out.push(valueKey(keys.get(s.pool)!, s.asset, point.t));
  }
  return out;
}

export async function recordTogether(options: {
  stores: readonly HistoryAdapter[];
  upstream: string;
  /** Ends after this many rounds, or at `until` (ms since the epoch), whichever comes first. */
  rounds: number;
  until?: number;
  /** Pause between two rounds. */
  pauseMs: number;
}): Promise<SharedRecording> {
  const seen = new Set<string>();
  const pools = new Map<string, Pool>();
  const recorders = options.stores.map((store) =>
    createRecorder({
      store,
      everyMs: options.pauseMs,
      poolList: async () => {
        const res = await fetch(`${options.upstream}${INSURANCE_BALANCE_PATH}`);
        const body = await res.text();
        const parsed = z.safeParse(poolListSchema, JSON.parse(body));
        for (const p of parsed.success ? parsed.data : []) {
          pools.set(poolKey(p), p);
          for (const a of p.assets) seen.add(valueKey(poolKey(p), a.asset, a.updateTime));
        }
        return { status: res.status, body, demo: true, fetchedAt: Date.now() };
      },
    }),
  );
  let rounds = 0;
  while (rounds < options.rounds && Date.now() < (options.until ?? Infinity)) {
    await Promise.all(recorders.map((r) => r.recordOnce()));
    for (const r of recorders) {
      const { lastError, pending } = r.status();
      if (pending > 0) throw new Error(`a server could not record: ${lastError}`);
    }
    rounds += 1;
    await new Promise((r) => setTimeout(r, options.pauseMs));
  }
  return { seen, stored: await storedPoints(options.stores[0]!, pools.values()), rounds };
}
