import type { ExportRow } from '../../core/export-row';
import type { HistoryAnswer } from '../../core/history';
import { membershipAt } from './history-gaps';
import { indexAt } from './pool-value';

/**
 * Every point of the answer as the rows of a file (core/export-row), one per point and asset, by
 * time (then in the answer's asset order): the pool that covered the symbol at the point, and the
 * `<ASSET>USD` index recorded last at or before it, where one was. The answer holds the
 * exchange's times alone: when each balance was received is not known here.
 */
export function historyRows(answer: HistoryAnswer): ExportRow[] {
  const index = new Map((answer.index ?? []).map((x) => [x.asset, x.points]));
  const none: readonly string[] = [];
  const rows = answer.series.flatMap((s, order) =>
    s.points.map((p) => ({
      order,
      row: {
        observedAt: undefined,
        symbols: answer.pools[membershipAt(answer.pools, p.t)]?.symbols ?? none,
        asset: s.asset,
        balance: p.balance,
        updateTime: p.t,
        usdIndex: indexAt(index.get(s.asset), p.t),
      },
    })),
  );
  rows.sort((a, b) => a.row.updateTime - b.row.updateTime || a.order - b.order);
  return rows.map((r) => r.row);
}
