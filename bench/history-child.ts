/**
 * A production server with its history (bench/history-server.ts) in a process of its own, in
 * front of a 600-pool demo upstream, over a copy of a store that already holds a day of that
 * market: what bench/history-load.ts and bench/history-cost.ts measure against.
 */
import { spawn } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { createMarket, poolListOf, seededRandom, stepMarket } from '../server/demo/market.ts';
import { startDemoUpstream } from '../server/demo/upstream.ts';
import { importLines } from '../server/history/import-lines.ts';
import { openSqliteAdapter } from '../server/history/sqlite/sqlite-adapter.ts';
import { freePort, ROOT } from './stack.ts';

export type HistoryMode = 'worker' | 'main' | 'none';
export const POOLS = 600;

/** A day of 5-minute snapshots of the 600-pool market, so the overview has a past to read. */
export async function pastDay(): Promise<{ file: string; dispose: () => void }> {
  const dir = mkdtempSync(path.join(tmpdir(), 'bench-history-day-'));
  const file = path.join(dir, 'day.sqlite');
  const end = Date.now() - 60_000;
  const market = createMarket({ pools: POOLS, symbols: 6000, now: end });
  const random = seededRandom(3);
  const lines = [];
  for (let i = 288; i > 0; i -= 1) {
    const t = end - i * 300_000;
    stepMarket(market, random);
    lines.push({
      observedAt: t,
      answer: poolListOf(market, (p) => p.frozenAt ?? t),
    });
  }
  const store = openSqliteAdapter({ path: file });
  await importLines(store, lines);
  await store.close();
  return { file, dispose: () => rmSync(dir, { recursive: true, force: true }) };
}

export interface HistoryChild {
  base: string;
  /** Every line the server prints, as it prints it. */
  onLine: (listener: (line: string) => void) => void;
  /** Settles when the server exits, with its exit code. */
  exited: Promise<number | null>;
  /** SIGTERM; resolves with the exit code and how long the server took to exit. */
  stop: () => Promise<{ code: number | null; ms: number }>;
}

/** Starts the server on a copy of `day`; `recordings`: it records that many times, then idles. */
export async function startHistoryChild(
  mode: HistoryMode,
  day: string,
  options: { recordEvery: number; recordings?: number },
): Promise<HistoryChild> {
  const upstream = await startDemoUpstream({
    port: await freePort(),
    pools: POOLS,
    symbols: 6000,
    stepMs: 1000,
  });
  const dir = mkdtempSync(path.join(tmpdir(), 'bench-history-run-'));
  const file = path.join(dir, 'h.sqlite');
  copyFileSync(day, file);
  const port = await freePort();
  const args = [path.join(ROOT, 'bench/history-server.ts'), mode, String(port)];
  if (options.recordings !== undefined) args.push(String(options.recordings));
  const child = spawn(process.execPath, ['--import', 'tsx', ...args], {
    env: {
      ...process.env,
      FAPI_UPSTREAM: upstream.url,
      FAPI_CACHE_TTL: '1',
      FAPI_RECORD_EVERY: String(options.recordEvery),
      HISTORY_DB: file,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // No client build is served here: the server's note that pages go unrendered is expected.
  createInterface({ input: child.stderr! }).on('line', (l) => {
    if (!l.includes('no server bundle')) console.error(l);
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  const cleanUp = async () => {
    await upstream.close();
    rmSync(dir, { recursive: true, force: true });
  };
  const listeners: ((line: string) => void)[] = [];
  createInterface({ input: child.stdout! }).on('line', (l) => listeners.forEach((f) => f(l)));
  try {
    await Promise.race([
      new Promise<void>((resolve) => listeners.push((l) => l.startsWith('listening') && resolve())),
      exited.then((code) => Promise.reject(new Error(`the server exited (${code}) at start`))),
    ]);
  } catch (error) {
    await cleanUp();
    throw error;
  }
  return {
    base: `http://127.0.0.1:${port}`,
    onLine: (listener) => listeners.push(listener),
    exited,
    async stop() {
      const started = performance.now();
      child.kill('SIGTERM');
      const late = setTimeout(() => child.kill('SIGKILL'), 10_000);
      const code = await exited;
      clearTimeout(late);
      const ms = performance.now() - started;
      await cleanUp();
      return { code, ms };
    },
  };
}
