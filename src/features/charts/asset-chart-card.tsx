import { memo, useId, useMemo, useState } from 'react';
import { ErrorBoundary } from '../../components/error-boundary';
import { formatExact } from '../../core/decimal';
import { useI18n } from '../../lib/i18n/i18n';
import type { Scale } from '../../lib/url-state';
import type { Navigate } from '../../lib/use-url-state';
import { AssetChart } from './asset-chart';
import { AssetTable } from './asset-table';
import { needsRedraw, type AssetChartData } from './chart-data';
import { LiveRows } from './live-rows';

/** A chart with more bars than this takes the full row: long lists read better wide. */
const WIDE_FROM = 12;

interface Props {
  chart: AssetChartData;
  scale: Scale;
  navigate: Navigate;
}

function AssetChartCardView({ chart, scale, navigate }: Props) {
  const i18n = useI18n();
  const captionId = useId();
  const { asset, rows, bars } = chart;
  const live = useMemo(() => new Map(rows.map((r) => [r.key, r])), [rows]);
  // The bars keep the last drawing until a refresh would change what is seen.
  const [drawn, setDrawn] = useState(chart);
  if (drawn !== chart && needsRedraw(drawn, chart)) setDrawn(chart);
  return (
    <figure
      data-testid="asset-chart"
      data-asset={asset}
      aria-labelledby={captionId}
      className={`min-w-0 rounded-lg border border-[var(--border)] p-4 tabular-nums ${bars.length > WIDE_FROM ? 'xl:col-span-2' : ''}`}
    >
      <figcaption id={captionId} className="mb-2 flex flex-wrap items-baseline gap-x-3">
        <span className="font-semibold">{i18n.t('charts.caption', { asset })}</span>
        <span className="text-sm text-[var(--muted)]">
          {i18n.t('charts.summary', {
            pools: i18n.plural('app.pools', rows.length),
            total: formatExact(chart.total, i18n.lang),
            asset,
          })}
        </span>
      </figcaption>
      {rows.length > bars.length ? (
        <p className="mb-2 text-sm text-[var(--muted)]">
          {i18n.t('charts.topBars', {
            shown: i18n.formatCount(bars.length),
            count: i18n.formatCount(rows.length),
          })}
        </p>
      ) : null}
      <ErrorBoundary name={`chart ${asset}`}>
        <LiveRows value={live}>
          <AssetChart chart={drawn} scale={scale} navigate={navigate} />
        </LiveRows>
      </ErrorBoundary>
      <AssetTable chart={chart} navigate={navigate} />
    </figure>
  );
}

/** Redrawn only when its figures, the highlight or the scale change: a refresh of equal data draws nothing. */
export const AssetChartCard = memo(
  AssetChartCardView,
  (a, b) =>
    a.chart.signature === b.chart.signature && a.scale === b.scale && a.navigate === b.navigate,
);
