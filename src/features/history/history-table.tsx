import { useMemo } from 'react';
import { DetailsTable, tableCell as cell } from '../../components/details-table';
import { formatExact } from '../../core/decimal';
import { poolName } from '../../core/pools';
import { useI18n } from '../../lib/i18n/i18n';
import type { HistoryChartData } from './history-charts';

/**
 * The chart as a table: every point drawn, with its exact figure and pool, the first point of
 * each new pool and the first after a gap marked. Rows are built only when opened.
 */
export function HistoryTable({ chart }: { chart: HistoryChartData }) {
  const i18n = useI18n();
  const value = chart.kind === 'value';
  const title = value
    ? i18n.t('history.value.table')
    : i18n.t('history.table', { asset: chart.unit });
  const names = useMemo(
    () => chart.pools.map((m) => poolName({ symbols: m.symbols, assets: [] })),
    [chart.pools],
  );
  const starts = useMemo(() => {
    // Each row after a null row begins a new piece: a new pool, or the end of a gap.
    const out = new Map<number, 'regrouped' | 'afterGap'>();
    let cut = false;
    let membership: number | undefined;
    for (const row of chart.shape.rows) {
      if (row.y === null) cut = true;
      else if (row.point && !row.held) {
        if (cut)
          out.set(row.point.t, row.point.membership !== membership ? 'regrouped' : 'afterGap');
        membership = row.point.membership;
        cut = false;
      }
    }
    return out;
  }, [chart.shape.rows]);
  return (
    <DetailsTable
      title={title}
      // focusable, so the keyboard can scroll a long table
      focusable
      testId="history-table"
      head={[
        { label: i18n.t('history.col.time') },
        {
          label: value
            ? i18n.t('history.col.value')
            : i18n.t('charts.col.balance', { asset: chart.unit }),
          right: true,
        },
        { label: i18n.t('charts.col.pool') },
      ]}
      rows={() =>
        [...chart.shape.points].reverse().map((p) => {
          const start = starts.get(p.t);
          return (
            <tr key={p.t} className="border-b border-[var(--border)]">
              <th scope="row" className={`${cell} font-normal whitespace-nowrap`}>
                <time dateTime={new Date(p.t).toISOString()}>{i18n.formatUtc(p.t)}</time>
              </th>
              <td className={`${cell} text-right font-mono`} data-value={p.value}>
                {formatExact(p.value, i18n.lang)}
              </td>
              <td className={cell}>
                {names[p.membership] ?? ''}
                {start ? (
                  <span className="ml-2 text-xs font-semibold">
                    ({i18n.t(`history.row.${start}`)})
                  </span>
                ) : null}
              </td>
            </tr>
          );
        })
      }
    />
  );
}
