/** The rows of the part `history`: the store's, PostgreSQL's, the recording's cost, the load. */
import { HISTORY_TARGETS, historyRows } from './history.ts';
import type { RecordingCost } from './history-cost.ts';
import type { HistoryLoad } from './history-load.ts';
import type { HistoryPart } from './history-part.ts';
import { judge, ms, type Row } from './report.ts';

const STOP_TARGET_MS = 5_000;
const where = (mode: HistoryLoad['mode']) =>
  mode === 'worker'
    ? 'history in its worker'
    : mode === 'main'
      ? 'history on the main thread'
      : 'no history';

function missing(measure: string, target: string, why: string | undefined): Row {
  return { measure, result: '—', target, status: 'n/a', note: why ?? 'not measured' };
}

function costRow(c: RecordingCost): Row {
  const worker = c.mode === 'worker';
  // The CPU clock where the system has one; the event loop's busy time, which counts waiting for
  // a CPU on a loaded machine too, where it has not.
  const cpu = Number.isFinite(c.cpuP95Ms);
  const p95 = cpu ? c.cpuP95Ms : c.mainP95Ms;
  return {
    measure: `recording at 600 pools: server main thread per recording, ${where(c.mode)}`,
    result: `${ms(p95)} p95${cpu ? ' on a CPU' : ' busy'}`,
    target: worker ? `< ${ms(HISTORY_TARGETS.recordMs)}` : 'before the worker, for comparison',
    status: worker ? judge(p95 < HISTORY_TARGETS.recordMs) : 'n/a',
    note: `from the ask for the pool list to the recording's end, over ${c.recordings} recordings, every balance changed: on a CPU p50 ${ms(c.cpuP50Ms)}; event loop busy p50 ${ms(c.mainP50Ms)}, p95 ${ms(c.mainP95Ms)}; wall p50 ${ms(c.wallP50Ms)}; the snapshot's transaction p50 ${ms(c.transactionP50Ms)}; taking the pool list and the asset index through the proxy before (as a viewer's request does) ${ms(c.takeP50Ms)} p50 busy`,
  };
}

function loadRow(l: HistoryLoad): Row {
  const asked =
    l.mode === 'none'
      ? 'the pool list alone'
      : `${l.overviews} overviews (p50 ${ms(l.overviewP50Ms)}) and ${l.histories} year histories beside it; health: history ${l.historyState ?? '—'}, last recording ${l.lastCostMs ? `${ms(l.lastCostMs.record)} + levels ${ms(l.lastCostMs.levels)}` : '—'}`;
  return {
    measure: `600 pools recorded every second, under load, ${where(l.mode)}: proxy p99`,
    result: ms(l.proxyP99Ms),
    target: '',
    status: 'n/a',
    note: `main thread busy ${(l.mainBusy * 100).toFixed(0)}% over ${l.seconds} s; proxy p50 ${ms(l.proxyP50Ms)}, ${l.proxySamples} pool-list requests; ${asked}`,
  };
}

function stopRow(runs: { stop: RecordingCost['stop'] }[]): Row {
  const measure = 'SIGTERM, history in its worker: the store closed and the server gone';
  const target = `exit 0 within ${STOP_TARGET_MS / 1000} s`;
  if (runs.length === 0) return missing(measure, target, 'no server run with its worker');
  const slowest = Math.max(...runs.map((r) => r.stop.ms));
  const codes = [...new Set(runs.map((r) => r.stop.code))];
  return {
    measure,
    result: `exit ${codes.join(', ')}, slowest ${ms(slowest)}`,
    target,
    status: judge(codes.length === 1 && codes[0] === 0 && slowest < STOP_TARGET_MS),
    note: `${runs.length} servers stopped after recording`,
  };
}

export function historyPartRows(h: HistoryPart | undefined, err: Record<string, string>): Row[] {
  const out: Row[] = [];
  if (h?.sqlite)
    out.push(...historyRows(h.sqlite).map((r) => ({ ...r, measure: `SQLite: ${r.measure}` })));
  else out.push(missing('SQLite: history import, size, /api/history p95', '', err.history));
  const pg = h?.postgres;
  if (pg && 'rows' in pg) out.push(...pg.rows);
  else out.push(missing('PostgreSQL: history figures', '', pg?.skipped ?? err['history-postgres']));
  for (const mode of ['worker', 'main'] as const) {
    const c = h?.cost?.find((x) => x.mode === mode);
    const target = mode === 'worker' ? `< ${ms(HISTORY_TARGETS.recordMs)}` : '';
    out.push(
      c
        ? costRow(c)
        : missing(
            `recording at 600 pools: server main thread per recording, ${where(mode)}`,
            target,
            err[`history-cost-${mode}`] ?? err['history-day'],
          ),
    );
  }
  for (const mode of ['worker', 'main', 'none'] as const) {
    const l = h?.load?.find((x) => x.mode === mode);
    if (l) out.push(loadRow(l));
  }
  const workerRuns = [
    ...(h?.cost ?? []).filter((c) => c.mode === 'worker'),
    ...(h?.load ?? []).filter((l) => l.mode === 'worker'),
  ];
  if (h) out.push(stopRow(workerRuns));
  return out;
}
