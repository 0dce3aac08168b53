import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from '@photostructure/sqlite';
import { afterAll, describe, expect, it } from 'vitest';
import type { Pool } from '../../../src/core/pool-schema.ts';
import { seededRandom } from '../../demo/market.ts';
import { catchUpLevels } from '../levels.ts';
import { recordSnapshots, type RecordOptions, type Snapshot } from '../record-snapshot.ts';
import { openSqliteAdapter } from './sqlite-adapter.ts';

const dir = mkdtempSync(join(tmpdir(), 'history-batched-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const TABLES = [
  'symbol',
  'asset',
  'pool',
  'pool_member',
  'series',
  'point',
  'hour_level',
  'day_level',
  'observation',
  'membership',
  'coverage',
  'index_point',
  'drop_event',
];

/** Every row of every table, as stored. */
function contents(path: string) {
  const db = new DatabaseSync(path, { readOnly: true });
  const out: Record<string, unknown[]> = {};
  for (const table of TABLES) {
    const rows = db.prepare(
      `SELECT * FROM ${table} ORDER BY 1${table === 'observation' ? '' : ', 2'}`,
    );
    rows.setReadBigInts(true);
    out[table] = rows.all();
  }
  db.close();
  return out;
}

/**
 * Snapshots of a small market that does what the exchange does: balances that move and fall,
 * pools that do not update every time, a symbol moving to another pool, a pool gone for a while,
 * gaps in what was received, and an asset index whose times are not always the snapshot's.
 */
function market(seed: number, count: number): Snapshot[] {
  const random = seededRandom(seed);
  const pools = Array.from({ length: 6 }, (_, i) => ({
    symbols: Array.from({ length: 3 }, (_, j) => `S${i * 3 + j}USDT`),
    assets: (i % 2 ? ['USDT', 'USDC'] : ['USDT']).map((asset) => ({
      asset,
      value: 1000 + i,
      t: 0,
    })),
  }));
  const snaps: Snapshot[] = [];
  let t = 1_764_633_600_000;
  for (let i = 0; i < count; i += 1) {
    t += random() < 0.05 ? 900_000 : 300_000;
    for (const p of pools)
      for (const a of p.assets) {
        if (random() < 0.3) continue;
        a.value *= random() < 0.03 ? 0.9 : 1 + (random() - 0.5) * 0.02;
        a.t = t - Math.floor(random() * 3) * 1000;
      }
    if (i === Math.floor(count / 3)) pools[1]!.symbols.push(pools[0]!.symbols.pop()!);
    const shown = pools.filter((_, k) => !(k === 4 && i % 50 > 40));
    const answer: Pool[] = shown.map((p) => ({
      symbols: [...p.symbols],
      assets: p.assets.map((a) => ({
        asset: a.asset,
        marginBalance: a.value.toFixed(4),
        updateTime: a.t,
      })),
    }));
    snaps.push({
      observedAt: t,
      pools: answer,
      index: [
        { symbol: 'USDTUSD', index: (0.999 + random() / 1000).toFixed(6), time: t - 500 },
        { symbol: 'USDCUSD', index: '1.0001', time: t - Math.floor(random() * 4) * 300_000 },
      ],
    });
  }
  return snaps;
}

/** Records the same snapshots, in the same transactions, plainly or batched; returns the file. */
async function record(name: string, plan: Snapshot[][], options: RecordOptions, catchUp: boolean) {
  const path = join(dir, `${name}.sqlite`);
  const store = openSqliteAdapter({ path });
  for (const [i, chunk] of plan.entries()) {
    await store.write((tx) => recordSnapshots(tx, chunk, options));
    if (catchUp && i % 3 === 0) await store.write((tx) => catchUpLevels(tx, 4));
  }
  await store.close();
  return contents(path);
}

describe('recording snapshots in batches', () => {
  const snaps = market(5, 360);
  const older = snaps.slice(0, 120);
  const newer = snaps.slice(120);
  const chunks = (list: Snapshot[], n: number) =>
    Array.from({ length: Math.ceil(list.length / n) }, (_, i) => list.slice(i * n, i * n + n));

  it('stores exactly what recording them one by one stores, older history imported after', async () => {
    const plan = [...chunks(newer, 45), ...chunks(older, 30), snaps.slice(100, 140), [snaps[7]!]];
    // Some spacings (15 min) are longer than the gap: coverage has holes.
    const options = { gapMs: 600_000 };
    expect(await record('batched', plan, options, false)).toEqual(
      await record('plain', plan, { ...options, plain: true }, false),
    );
  });

  it('stores the same as one by one for the recorder too: one a transaction, levels caught up after', async () => {
    const plan = snaps.slice(0, 150).map((s) => [s]);
    const options = { gapMs: 600_000, fillBudget: 0 };
    expect(await record('recorder', plan, options, true)).toEqual(
      await record('recorder-plain', plan, { ...options, plain: true }, true),
    );
  });

  it('stores the same as one by one for an import of unbroken files, with a fill budget too small', async () => {
    // As an import infers it: each unbroken run of snapshots covered from its first.
    const since: number[] = [];
    for (const [i, s] of snaps.entries())
      since.push(
        i > 0 && s.observedAt - snaps[i - 1]!.observedAt < 600_000 ? since[i - 1]! : s.observedAt,
      );
    const lines = snaps.map((s, i) => ({ ...s, coveredSince: since[i] }));
    const plan = [...chunks(lines.slice(200), 70), ...chunks(lines.slice(0, 200), 70)];
    const options = { gapMs: 0, fillBudget: 2 };
    expect(await record('import', plan, options, false)).toEqual(
      await record('import-plain', plan, { ...options, plain: true }, false),
    );
  });
});
