import { formatExact } from '../../core/decimal';
import { DetailsTable, tableCell as cell } from '../../components/details-table';
import { flagList } from '../../components/flag-hints';
import { useI18n } from '../../lib/i18n/i18n';
import type { Navigate } from '../../lib/use-url-state';
import type { AssetChartData } from './chart-data';
import { followPoolLink, poolHref } from '../../lib/pool-link';

/**
 * The chart as a table, every pool holding the asset (also those past the chart's top bars).
 * Rows are built only when opened, so hundreds of pools cost nothing until someone reads them.
 */
export function AssetTable({ chart, navigate }: { chart: AssetChartData; navigate: Navigate }) {
  const i18n = useI18n();
  return (
    <DetailsTable
      title={i18n.t('charts.table', { asset: chart.asset })}
      head={[
        { label: i18n.t('charts.col.rank') },
        { label: i18n.t('charts.col.pool') },
        { label: i18n.t('charts.col.balance', { asset: chart.asset }), right: true },
        { label: i18n.t('charts.col.members'), right: true },
      ]}
      rows={() =>
        chart.rows.map((row) => (
          <tr
            key={row.key}
            data-highlighted={row.highlighted || undefined}
            className="border-b border-[var(--border)] data-[highlighted]:bg-[var(--surface)] data-[highlighted]:font-semibold"
          >
            <td className={cell}>{row.rank}</td>
            <th scope="row" className={`${cell} font-normal`}>
              {row.opens === undefined ? (
                row.name
              ) : (
                <a
                  href={poolHref(row.opens)}
                  className="underline decoration-[var(--border)] underline-offset-2 hover:decoration-[var(--fg)]"
                  onClick={(e) => followPoolLink(e, row.opens!, navigate)}
                >
                  {row.name}
                </a>
              )}
              {row.highlighted ? (
                <span className="ml-2 text-xs text-[var(--muted)]">
                  ({i18n.t('charts.searched')})
                </span>
              ) : null}
              {row.flags.length > 0 ? (
                <span data-flags={row.flags.join(' ')} className="ml-2 text-xs font-semibold">
                  ⚑ {i18n.t('charts.flagged', { flags: flagList(row.flags, i18n) })}
                </span>
              ) : null}
            </th>
            <td className={`${cell} text-right font-mono`} data-value={row.balance}>
              {formatExact(row.balance, i18n.lang)}
            </td>
            <td className={`${cell} text-right`}>{i18n.formatCount(row.members)}</td>
          </tr>
        ))
      }
    />
  );
}
