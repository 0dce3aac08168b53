/**
 * What a recording at 600 pools costs the production server's main thread, where the proxy,
 * the pages and the files run: with the history in its worker thread (as `npm start` runs it)
 * and on the main thread (as it ran before), every balance changed at each recording. Measured
 * in the server (bench/history-server.ts) by the main thread's time on a CPU, and by its event
 * loop's busy time, which on a loaded machine adds the time it waited for a CPU.
 */
import { percentile } from './report.ts';
import { startHistoryChild, type HistoryMode } from './history-child.ts';

export interface RecordingCost {
  mode: Exclude<HistoryMode, 'none'>;
  recordings: number;
  /**
   * The main thread's time on a CPU per recording, from the ask for the pool list to the end
   * (`NaN` where the system does not say), and its event loop's busy time over the same span.
   */
  cpuP50Ms: number;
  cpuP95Ms: number;
  mainP50Ms: number;
  mainP95Ms: number;
  wallP50Ms: number;
  /** Taking the pool list and the asset index through the proxy first, as a viewer would. */
  takeP50Ms: number;
  /** The history's own timing of the snapshot's transaction (in the worker or not). */
  transactionP50Ms: number;
  /** Every recording's main-thread CPU time and busy time, in order. */
  cpuMs: number[];
  mainMs: number[];
  /** The server's stop on SIGTERM: its exit code and how long it took. */
  stop: { code: number | null; ms: number };
}

interface CostLine {
  cpuMs: number | null;
  mainMs: number;
  wallMs: number;
  takeMs: number;
  history: { record: number; levels: number } | null;
}

export async function recordingCost(
  mode: RecordingCost['mode'],
  runs: number,
  day: string,
  log: (line: string) => void,
): Promise<RecordingCost> {
  const warmup = 3;
  const server = await startHistoryChild(mode, day, { recordEvery: 0, recordings: runs + warmup });
  log(`recording cost, history ${mode === 'worker' ? 'in its worker' : 'on the main thread'}`);
  const lines: CostLine[] = [];
  let stop: RecordingCost['stop'];
  try {
    await Promise.race([
      new Promise<void>((resolve) =>
        server.onLine((l) => {
          if (l.startsWith('cost ')) lines.push(JSON.parse(l.slice(5)) as CostLine);
          if (l === 'recorded') resolve();
        }),
      ),
      server.exited.then((code) => Promise.reject(new Error(`the server exited (${code})`))),
    ]);
  } finally {
    stop = await server.stop();
  }
  const measured = lines.slice(warmup);
  const of = (f: (c: CostLine) => number, p: number) => percentile(measured.map(f), p);
  return {
    mode,
    recordings: measured.length,
    cpuP50Ms: of((c) => c.cpuMs ?? NaN, 50),
    cpuP95Ms: of((c) => c.cpuMs ?? NaN, 95),
    mainP50Ms: of((c) => c.mainMs, 50),
    mainP95Ms: of((c) => c.mainMs, 95),
    wallP50Ms: of((c) => c.wallMs, 50),
    takeP50Ms: of((c) => c.takeMs, 50),
    transactionP50Ms: of((c) => c.history?.record ?? NaN, 50),
    cpuMs: measured.map((c) => Math.round((c.cpuMs ?? NaN) * 10) / 10),
    mainMs: measured.map((c) => Math.round(c.mainMs * 10) / 10),
    stop,
  };
}
