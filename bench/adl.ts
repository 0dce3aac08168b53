/**
 * What a recording of 600 symbols' ADL risk ratings costs a thread: the exchange's answer parsed
 * and checked (core/adl, zod), the read that finds what changed, and, where something did, the
 * compare-and-insert transaction (server/history/record-adl), on an SQLite store that already
 * holds a year of rating changes. Two cases: a reading that changes nothing (most of them: the
 * exchange rates every 30 minutes) and one where a dozen symbols changed. Measured on this
 * process's main thread, by its time on a CPU (what it takes from other work on that thread) and
 * by the clock (which on a loaded machine adds the wait for a CPU, and the disk's sync). The
 * server does this work on its history thread; its main thread only hands the proxy's answer over.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ADL_LEVELS, ADL_UPDATE_MS, type AdlRating } from '../src/core/adl.ts';
import { createAdlRecorder } from '../server/history/adl-recorder.ts';
import { recordAdl } from '../server/history/record-adl.ts';
import { openSqliteAdapter } from '../server/history/sqlite/sqlite-adapter.ts';
import { median, ms, percentile, type Row } from './report.ts';

export const ADL_TARGET_MS = 5;
const SYMBOLS = Array.from({ length: 600 }, (_, i) => `S${String(i).padStart(3, '0')}USDT`);

interface Case {
  recordings: number;
  cpuP50Ms: number;
  wallP50Ms: number;
  wallP95Ms: number;
  storedPerRecording: number;
}

export interface AdlFigures {
  symbols: number;
  storedBefore: number;
  unchanged: Case;
  changed: Case;
}

/** The exchange's answer at update `u`; with `moving`, a dozen symbols rated anew. */
function answerAt(u: number, moving: boolean): string {
  return JSON.stringify(
    SYMBOLS.map((symbol, i) => ({
      symbol,
      adlRisk: ADL_LEVELS[(i + (moving && i % 50 === u % 50 ? u : 0)) % 3],
      updateTime: u * ADL_UPDATE_MS + 2_000,
    })),
  );
}

const cpuMs = () => {
  const c = process.cpuUsage();
  return (c.user + c.system) / 1000;
};

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
    const runs = quick ? 30 : 200;
    let u = 366 * 48;
    async function measure(moving: boolean): Promise<Case> {
      let body = '';
      const recorder = createAdlRecorder({
        store,
        everyMs: 0,
        adlRisk: async () => ({ status: 200, body, demo: false, fetchedAt: 0 }),
      });
      // One reading first, not counted: the change from the case before is not this case's.
      body = answerAt((u += 1), moving);
      await recorder.recordOnce();
      const before = (await store.adlChanges(0, Number.MAX_SAFE_INTEGER)).length;
      const wall: number[] = [];
      const cpu: number[] = [];
      for (let i = 0; i < runs; i += 1) {
        body = answerAt((u += 1), moving);
        const [w, c] = [performance.now(), cpuMs()];
        await recorder.recordOnce();
        wall.push(performance.now() - w);
        cpu.push(cpuMs() - c);
      }
      const after = (await store.adlChanges(0, Number.MAX_SAFE_INTEGER)).length;
      return {
        recordings: runs,
        cpuP50Ms: median(cpu),
        wallP50Ms: median(wall),
        wallP95Ms: percentile(wall, 95),
        storedPerRecording: (after - before) / runs,
      };
    }
    const changed = await measure(true);
    const unchanged = await measure(false);
    return { symbols: SYMBOLS.length, storedBefore, unchanged, changed };
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

export function adlRows(f: AdlFigures | undefined | null): Row[] {
  const target = `≤ ${ms(ADL_TARGET_MS)}`;
  const row = (name: string, c: Case | undefined): Row => {
    const measure = `ADL ratings: a recording of 600 symbols, ${name}, main thread`;
    if (!c || !f) return { measure, result: '—', target, status: 'n/a' };
    return {
      measure,
      result: ms(c.cpuP50Ms),
      target,
      status: c.cpuP50Ms <= ADL_TARGET_MS ? 'met' : 'missed',
      note: `CPU time, median of ${c.recordings}; by the clock ${ms(c.wallP50Ms)} (p95 ${ms(c.wallP95Ms)}); SQLite holding ${f.storedBefore} changes, ${c.storedPerRecording.toFixed(1)} stored a recording`,
    };
  };
  return [row('nothing changed', f?.unchanged), row('a dozen changed', f?.changed)];
}
