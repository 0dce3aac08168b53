/**
 * The history figures: import of a year of 5-minute snapshots of 40 pools (lines and points a
 * second, size on disk), `GET /api/history?symbol=BTCUSDT&points=500` over 24 h, 30 days and a
 * year (p95), and the store's own work per recording at 600 pools (in the server it runs in the
 * history's worker; what it costs the main thread is bench/history-cost.ts). Works with any
 * store factory, so PostgreSQL can be measured beside SQLite. Alone:
 *
 *   npx tsx bench/history.ts [--quick]
 */
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { HistoryLine } from '../src/core/history.ts';
import { seedDemoHistory } from '../server/demo/history-seed.ts';
import { createMarket, poolListOf, seededRandom, stepMarket } from '../server/demo/market.ts';
import type { HistoryAdapter } from '../server/history/adapter.ts';
import { answerHistory } from '../server/history/history-query.ts';
import { importLines } from '../server/history/import-lines.ts';
import { createRecorder } from '../server/history/recorder.ts';
import { openSqliteAdapter } from '../server/history/sqlite/sqlite-adapter.ts';
import { judge, mb, ms, percentile, printTable, type Row } from './report.ts';

export const HISTORY_TARGETS = { sizeBytes: 200e6, historyP95Ms: 50, recordMs: 20 };

/** A store for the bench: `dir` is a fresh folder it may use. `size()` its bytes on disk. */
export interface BenchStore {
  store: HistoryAdapter;
  size: () => Promise<number>;
  dispose: () => Promise<void>;
}
export type BenchStoreFactory = (dir: string) => Promise<BenchStore>;

export const sqliteBenchStore: BenchStoreFactory = async (dir) => {
  const path = join(dir, 'history.sqlite');
  const store = openSqliteAdapter({ path });
  return {
    store,
    size: async () =>
      readdirSync(dir)
        .filter((f) => f.startsWith('history.sqlite'))
        .reduce((n, f) => n + statSync(join(dir, f)).size, 0),
    dispose: () => store.close(),
  };
};

export interface HistoryFigures {
  lines: number;
  points: number;
  importS: number;
  linesPerS: number;
  pointsPerS: number;
  sizeBytes: number;
  historyP95Ms: Record<'24h' | '30d' | '1y', number>;
  recordMs: {
    p50: number;
    p95: number;
    wallP50: number;
    recordP50: number;
    recordP95: number;
    pools: number;
  };
  seedMs: number;
}

const DAY = 86_400_000;

/** A year (or `days`) of 5-minute snapshots of the demo market, every balance moving at every step. */
function* year(days: number, end: number): Generator<HistoryLine[]> {
  const market = createMarket({ pools: 40, symbols: 500, now: end });
  const random = seededRandom(7);
  const every = 300_000;
  const steps = Math.floor((days * DAY) / every);
  let chunk: HistoryLine[] = [];
  for (let i = 0; i < steps; i += 1) {
    const t = end - (steps - i) * every;
    stepMarket(market, random);
    chunk.push({
      observedAt: t,
      answer: poolListOf(market, (p) => p.frozenAt ?? t),
      coveredSince: end - steps * every,
    });
    if (chunk.length === 5_000) {
      yield chunk;
      chunk = [];
    }
  }
  if (chunk.length > 0) yield chunk;
}

async function historyP95(store: HistoryAdapter, to: number, span: number, runs: number) {
  const times: number[] = [];
  for (let i = 0; i < runs + 3; i += 1) {
    const started = performance.now();
    const a = await answerHistory(store, { symbol: 'BTCUSDT', from: to - span, to, points: 500 });
    if (!a || a.series.length === 0) throw new Error('no BTCUSDT history to measure');
    if (i >= 3) times.push(performance.now() - started);
  }
  return percentile(times, 95);
}

async function recorderCost(factory: BenchStoreFactory, runs: number) {
  const dir = mkdtempSync(join(tmpdir(), 'bench-record-'));
  const bench = await factory(dir);
  try {
    const market = createMarket({ pools: 600, symbols: 6000 });
    const random = seededRandom(11);
    let t = Date.now();
    const recorder = createRecorder({
      store: bench.store,
      everyMs: 60_000,
      poolList: async () => ({
        status: 200,
        body: JSON.stringify(poolListOf(market, (p) => p.frozenAt ?? t)),
        demo: true,
        fetchedAt: t,
      }),
    });
    const wall: number[] = [];
    const cpu: number[] = [];
    const recordOnly: number[] = [];
    for (let i = 0; i < runs + 5; i += 1) {
      t += 60_000;
      stepMarket(market, random);
      const used = process.cpuUsage();
      const started = performance.now();
      await recorder.recordOnce();
      const spent = process.cpuUsage(used);
      if (i < 5) continue;
      wall.push(performance.now() - started);
      cpu.push((spent.user + spent.system) / 1000);
      recordOnly.push(recorder.status().lastCostMs?.record ?? NaN);
    }
    if (recorder.status().lastError) throw new Error(recorder.status().lastError!);
    // The recording runs in this thread from start to end (SQLite is synchronous): its CPU time
    // is the cost to the thread that holds the store; wall time adds whatever else ran.
    return {
      p50: percentile(cpu, 50),
      p95: percentile(cpu, 95),
      wallP50: percentile(wall, 50),
      recordP50: percentile(recordOnly, 50),
      recordP95: percentile(recordOnly, 95),
      pools: market.length,
    };
  } finally {
    await bench.dispose();
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function measureHistory(
  factory: BenchStoreFactory = sqliteBenchStore,
  options: { quick?: boolean; log?: (l: string) => void } = {},
): Promise<HistoryFigures> {
  const log = options.log ?? (() => undefined);
  const days = options.quick ? 30 : 365;
  const dir = mkdtempSync(join(tmpdir(), 'bench-history-'));
  const bench = await factory(dir);
  try {
    const end = Math.floor(Date.now() / 300_000) * 300_000;
    let lines = 0;
    let points = 0;
    let importMs = 0;
    for (const chunk of year(days, end)) {
      const started = performance.now();
      await importLines(bench.store, chunk);
      importMs += performance.now() - started;
      lines += chunk.length;
      points += chunk.reduce((n, l) => n + l.answer.reduce((m, p) => m + p.assets.length, 0), 0);
      log(`imported ${lines} lines`);
    }
    await bench.dispose();
    const sizeBytes = await bench.size();
    const reopened = await factory(dir);
    const runs = options.quick ? 10 : 40;
    const last = (await reopened.store.observationBounds())!.last;
    const historyP95Ms = {
      '24h': await historyP95(reopened.store, last, DAY, runs),
      '30d': await historyP95(reopened.store, last, 30 * DAY, runs),
      '1y': await historyP95(reopened.store, last, 365 * DAY, runs),
    };
    await reopened.dispose();
    log('recorder at 600 pools');
    const recordMs = await recorderCost(factory, options.quick ? 20 : 90);
    log('demo history');
    const seed = seedDemoHistory();
    const seedMs = (await seed.filled).ms;
    await seed.store.close();
    const importS = importMs / 1000;
    return {
      lines,
      points,
      importS,
      linesPerS: lines / importS,
      pointsPerS: points / importS,
      sizeBytes,
      historyP95Ms,
      recordMs,
      seedMs,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function historyRows(f: HistoryFigures): Row[] {
  const t = HISTORY_TARGETS;
  const out: Row[] = [
    {
      measure: `history import, ${f.lines} lines`,
      result: `${Math.round(f.linesPerS)} lines/s`,
      target: 'as fast as the store allows',
      status: 'n/a',
      note: `${Math.round(f.pointsPerS)} points/s, ${f.points} points in ${f.importS.toFixed(1)} s`,
    },
    {
      measure: 'history size on disk',
      result: mb(f.sizeBytes),
      target: `< ${mb(t.sizeBytes)}`,
      status: judge(f.sizeBytes < t.sizeBytes),
    },
  ];
  for (const [span, v] of Object.entries(f.historyP95Ms))
    out.push({
      measure: `/api/history points=500 over ${span}, p95`,
      result: ms(v),
      target: `< ${ms(t.historyP95Ms)}`,
      status: judge(v < t.historyP95Ms),
    });
  out.push({
    measure: `recording at ${f.recordMs.pools} pools, the store's own work`,
    result: ms(f.recordMs.p95),
    target: 'in the history thread, off the main thread',
    status: 'n/a',
    note: `p95 CPU per recording in the thread that holds the store (the server's worker), every balance changed, levels included; p50 ${ms(f.recordMs.p50)}, wall p50 ${ms(f.recordMs.wallP50)}; the snapshot's own transaction (wall) p50 ${ms(f.recordMs.recordP50)}, p95 ${ms(f.recordMs.recordP95)}; the server's main thread: bench/history-cost.ts`,
  });
  out.push({
    measure: 'demo history, 30 days of 5-minute snapshots',
    result: `${(f.seedMs / 1000).toFixed(1)} s`,
    target: 'a few seconds, in the background',
    status: 'n/a',
    note: 'the demo serves live data meanwhile',
  });
  return out;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({ options: { quick: { type: 'boolean', default: false } } });
  const figures = await measureHistory(sqliteBenchStore, {
    quick: values.quick,
    log: (l) => console.log(l),
  });
  console.log(printTable(historyRows(figures)));
}
