/**
 * The part `history` of `npm run bench`: the store's figures (bench/history.ts), PostgreSQL's
 * beside them where the PostgreSQL bench and a server are there, what a recording at 600 pools
 * costs the production server's main thread (history in its worker, and on the main thread as
 * it was), and the proxy while the history is recording and queried.
 */
import { historyRows, measureHistory, sqliteBenchStore, type HistoryFigures } from './history.ts';
import { pastDay } from './history-child.ts';
import { recordingCost, type RecordingCost } from './history-cost.ts';
import { historyLoad, type HistoryLoad } from './history-load.ts';
import { measurePostgres, sharedRows } from './history-postgres.ts';
import type { Row } from './report.ts';

export type PostgresOutcome =
  { skipped: string } | { history: HistoryFigures; shared: unknown; rows: Row[] };

export interface HistoryPart {
  sqlite?: HistoryFigures;
  postgres?: PostgresOutcome;
  cost?: RecordingCost[];
  load?: HistoryLoad[];
}

type Attempt = <T>(name: string, measure: () => Promise<T>) => Promise<T | undefined>;
type Log = (line: string) => void;

async function postgres(quick: boolean, log: Log): Promise<PostgresOutcome> {
  const measured = await measurePostgres({ quick, log });
  if ('skipped' in measured)
    return { skipped: measured.skipped ?? 'PostgreSQL cannot be started here' };
  const rows = historyRows(measured.history).map((r) => ({
    ...r,
    measure: `PostgreSQL: ${r.measure}`,
  }));
  return { ...measured, rows: [...rows, ...sharedRows(measured.shared)] };
}

export async function historyPart(quick: boolean, log: Log, attempt: Attempt) {
  const part: HistoryPart = {};
  log('history: import, size and /api/history on SQLite');
  part.sqlite = await attempt('history', () => measureHistory(sqliteBenchStore, { quick, log }));
  log('history: PostgreSQL');
  part.postgres = await attempt('history-postgres', () => postgres(quick, log));
  if (part.postgres && 'skipped' in part.postgres)
    log(`history: PostgreSQL not measured (${part.postgres.skipped})`);
  log('history: a day of 600 pools for the server to start from');
  const day = await attempt('history-day', pastDay);
  if (!day) return part;
  try {
    const runs = quick ? 20 : 60;
    const cost: RecordingCost[] = [];
    for (const mode of ['worker', 'main'] as const) {
      const c = await attempt(`history-cost-${mode}`, () =>
        recordingCost(mode, runs, day.file, log),
      );
      if (c) cost.push(c);
    }
    part.cost = cost;
    const seconds = quick ? 10 : 30;
    const load: HistoryLoad[] = [];
    for (const mode of ['worker', 'main', 'none'] as const) {
      const l = await attempt(`history-load-${mode}`, () =>
        historyLoad(mode, seconds, day.file, log),
      );
      if (l) load.push(l);
    }
    part.load = load;
  } finally {
    day.dispose();
  }
  return part;
}
