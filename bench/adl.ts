/**
 * What a recording of 600 symbols' ADL risk ratings costs a thread: the exchange's answer parsed
 * and checked (core/adl, zod) and the compare-and-insert transaction (server/history/record-adl)
 * on an SQLite store that already holds a year of rating changes, a dozen symbols changed at each
 * recording. Measured here, on this process's main thread, by the clock around the whole of it;
 * the server does the same work on its history thread, and its main thread only hands the
 * proxy's answer over.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ADL_LEVELS, ADL_UPDATE_MS, parseAdlAnswer, type AdlRating } from '../src/core/adl.ts';
import { recordAdl } from '../server/history/record-adl.ts';
import { openSqliteAdapter } from '../server/history/sqlite/sqlite-adapter.ts';
import { median, ms, percentile, type Row } from './report.ts';

export const ADL_TARGET_MS = 5;
const SYMBOLS = Array.from({ length: 600 }, (_, i) => `S${String(i).padStart(3, '0')}USDT`);

export interface AdlFigures {
  symbols: number;
  recordings: number;
  storedBefore: number;
  p50Ms: number;
  p95Ms: number;
  changedPerRecording: number;
}

/** The exchange's answer at update `u`: a few symbols' ratings moved from the update before. */
function answerAt(u: number): string {
  return JSON.stringify(
    SYMBOLS.map((symbol, i) => ({
      symbol,
      adlRisk: ADL_LEVELS[((i % 50 === u % 50 ? u : 0) + i) % 3],
      updateTime: u * ADL_UPDATE_MS + 2_000,
    })),
  );
}

export async function adlPart(quick: boolean): Promise<AdlFigures> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-adl-'));
  const store = openSqliteAdapter({ path: join(dir, 'adl.sqlite') });
  try {
    // A year of changes: 600 first ratings, then a dozen changes a day.
    const year: AdlRating[] = [];
    for (let d = 0; d < 365; d += 1)
      for (let k = 0; k < (d === 0 ? 600 : 12); k += 1)
        year.push({
          symbol: SYMBOLS[(d * 12 + k) % 600]!,
          level: ADL_LEVELS[(d + k) % 3]!,
          updateTime: d * 86_400_000 + k,
        });
    await store.write((tx) => recordAdl(tx, year));
    const storedBefore = (await store.adlChanges(0, Number.MAX_SAFE_INTEGER)).length;
    const first = 366 * 48;
    const runs = quick ? 30 : 200;
    const times: number[] = [];
    let changed = 0;
    for (let u = first; u < first + runs; u += 1) {
      const body = answerAt(u);
      const started = performance.now();
      const ratings = parseAdlAnswer(JSON.parse(body));
      const stored = await store.write((tx) => recordAdl(tx, ratings!));
      times.push(performance.now() - started);
      if (u > first) changed += stored.length;
    }
    return {
      symbols: SYMBOLS.length,
      recordings: runs,
      storedBefore,
      p50Ms: median(times),
      p95Ms: percentile(times, 95),
      changedPerRecording: changed / (runs - 1),
    };
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

export function adlRows(f: AdlFigures | undefined | null): Row[] {
  const target = `≤ ${ms(ADL_TARGET_MS)}`;
  const measure = 'ADL ratings: a recording of 600 symbols, main thread';
  if (!f) return [{ measure, result: '—', target, status: 'n/a' }];
  return [
    {
      measure,
      result: ms(f.p50Ms),
      target,
      status: f.p50Ms <= ADL_TARGET_MS ? 'met' : 'missed',
      note: `median of ${f.recordings}, p95 ${ms(f.p95Ms)}; parse and compare-and-insert in SQLite holding ${f.storedBefore} changes, ${f.changedPerRecording.toFixed(1)} stored a recording`,
    },
  ];
}
