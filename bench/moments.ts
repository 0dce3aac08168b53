/**
 * A past moment: `GET /api/snapshot?at=` at 600 pools for a moment an hour, a month and a year
 * back (p95, answer and JSON text), on a SQLite store holding a year of the demo market: every
 * 6 hours for the first eleven months, every 30 minutes for the last month but a day, every
 * 5 minutes for the last day, every balance moving at every recording. Part `moments` of
 * `npm run bench`; alone:
 *
 *   npx tsx bench/moments.ts [--quick]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { createMarket, poolListOf, seededRandom, stepMarket } from '../server/demo/market.ts';
import { importLines } from '../server/history/import-lines.ts';
import { historyAnswers } from '../server/history/routes.ts';
import { openSqliteAdapter } from '../server/history/sqlite/sqlite-adapter.ts';
import { judge, ms, percentile, printTable, type Row } from './report.ts';

export const MOMENT_TARGET_MS = 50;
const MIN = 60_000;
const H = 60 * MIN;
const D = 24 * H;
const POOLS = 600;

/** The recording times: coarse far back, finer nearer `end`. */
function schedule(end: number, quick: boolean): number[] {
  const times: number[] = [];
  const span = (from: number, to: number, every: number) => {
    for (let t = from; t < to; t += every) times.push(t);
  };
  span(end - 365 * D, end - 30 * D, quick ? 24 * H : 6 * H);
  span(end - 30 * D, end - D, quick ? 2 * H : 30 * MIN);
  span(end - D, end, quick ? 30 * MIN : 5 * MIN);
  return times;
}

export interface MomentFigures {
  recordings: number;
  pools: number;
  fillS: number;
  p95Ms: Record<'hour' | 'month' | 'year', number>;
  p50Ms: Record<'hour' | 'month' | 'year', number>;
  bytes: number;
  /** The machine's load average (1 min) when measured: a shared machine's p95 is its queue too. */
  load: number;
}

export async function measureMoments(
  quick: boolean,
  log: (line: string) => void = () => {},
): Promise<MomentFigures> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-moments-'));
  const store = openSqliteAdapter({ path: join(dir, 'history.sqlite') });
  try {
    const end = Math.floor(Date.now() / MIN) * MIN;
    const times = schedule(end, quick);
    const market = createMarket({ pools: POOLS, symbols: 6000, now: end });
    const random = seededRandom(5);
    log(`moments: recording ${times.length} snapshots of ${POOLS} pools over a year`);
    const started = performance.now();
    for (let i = 0; i < times.length; i += 200) {
      const lines = times.slice(i, i + 200).map((t) => {
        stepMarket(market, random);
        return {
          observedAt: t,
          answer: poolListOf(market, (p) => p.frozenAt ?? t),
          coveredSince: times[0]!,
        };
      });
      await importLines(store, lines);
    }
    const fillS = (performance.now() - started) / 1000;
    const answers = historyAnswers(store);
    const runs = quick ? 10 : 40;
    // Off the recordings' grid, so each asks for the recording before it.
    const moments = {
      hour: end - H - 7_000,
      month: end - 30 * D - 7_000,
      year: end - 364 * D - 7_000,
    };
    const p95Ms = {} as MomentFigures['p95Ms'];
    const p50Ms = {} as MomentFigures['p50Ms'];
    let bytes = 0;
    for (const [name, at] of Object.entries(moments) as [keyof typeof moments, number][]) {
      const took: number[] = [];
      for (let i = 0; i < runs + 3; i += 1) {
        const t0 = performance.now();
        const a = await answers('/api/snapshot', new URLSearchParams({ at: String(at) }));
        const text = JSON.stringify(a?.body);
        if (a?.status !== 200) throw new Error(`/api/snapshot answered ${a?.status}: ${text}`);
        const pools = (a.body as { answer: unknown[] }).answer.length;
        if (pools !== POOLS) throw new Error(`a moment held ${pools} pools, not ${POOLS}`);
        if (i >= 3) took.push(performance.now() - t0);
        bytes = text.length;
      }
      p95Ms[name] = percentile(took, 95);
      p50Ms[name] = percentile(took, 50);
      log(`moments: ${name} back, p95 ${ms(p95Ms[name])}`);
    }
    return {
      recordings: times.length,
      pools: POOLS,
      fillS,
      p95Ms,
      p50Ms,
      bytes,
      load: loadavg()[0]!,
    };
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

export function momentRows(f: MomentFigures): Row[] {
  const label = { hour: 'an hour', month: 'a month', year: 'a year' } as const;
  return (['hour', 'month', 'year'] as const).map((k) => ({
    measure: `/api/snapshot at ${f.pools} pools, a moment ${label[k]} back: p95`,
    result: ms(f.p95Ms[k]),
    target: `≤ ${MOMENT_TARGET_MS} ms`,
    status: judge(f.p95Ms[k] <= MOMENT_TARGET_MS),
    note: `SQLite, ${f.recordings} recordings over a year (filled in ${f.fillS.toFixed(0)} s); p50 ${ms(f.p50Ms[k])}; the answer and its JSON text, ${(f.bytes / 1000).toFixed(0)} kB; load average ${f.load.toFixed(1)}`,
  }));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({ options: { quick: { type: 'boolean', default: false } } });
  const figures = await measureMoments(values.quick, (l) => console.log(l));
  console.log(printTable(momentRows(figures)));
}
