import { useId, useMemo } from 'react';
import { ErrorBoundary } from '../../components/error-boundary';
import { useI18n } from '../../lib/i18n/i18n';
import type { Scale } from '../../lib/url-state';
import type { Interval, Regrouping } from './history-gaps';
import { fittedAxis } from './axis-domain';
import { HistoryChart } from './history-chart';
import type { HistoryChartData } from './history-charts';
import { HistoryTable } from './history-table';

interface Props {
  chart: HistoryChartData;
  marks: { gaps: Interval[]; regroupings: Regrouping[] };
  scale: Scale;
}

/** One chart of the history with its caption and its table; the page hook counts the points drawn. */
export function HistoryChartCard({ chart, marks, scale }: Props) {
  const i18n = useI18n();
  const captionId = useId();
  const value = chart.kind === 'value';
  const fitted = useMemo(
    () => (scale === 'log' ? undefined : fittedAxis(chart.shape.points.map((p) => p.y))),
    [scale, chart.shape.points],
  );
  return (
    <figure
      data-testid={value ? 'history-value-chart' : 'history-chart'}
      data-asset={value ? undefined : chart.unit}
      data-points={chart.shape.points.length}
      data-lines={chart.shape.lines}
      data-scale={scale === 'log' ? 'log' : 'fitted'}
      aria-labelledby={captionId}
      className="min-w-0 rounded-lg border border-[var(--border)] p-4 tabular-nums"
    >
      <figcaption id={captionId} className="mb-2 flex flex-wrap items-baseline gap-x-3">
        <span className="font-semibold">
          {value
            ? i18n.t('history.value.caption')
            : i18n.t('history.caption', { asset: chart.unit })}
        </span>
        <span className="text-sm text-[var(--muted)]">
          {i18n.plural('history.points', chart.shape.points.length)}
        </span>
      </figcaption>
      {value ? (
        <p className="mb-2 text-sm text-[var(--muted)]">{i18n.t('history.value.hint')}</p>
      ) : null}
      {fitted && !fitted.fromZero ? (
        <p data-testid="axis-fitted" className="mb-2 text-sm text-[var(--muted)]">
          {i18n.t('history.axisFitted')}
        </p>
      ) : null}
      <ErrorBoundary name={`history chart ${chart.unit}`}>
        <HistoryChart chart={chart} marks={marks} scale={scale} />
      </ErrorBoundary>
      <HistoryTable chart={chart} />
    </figure>
  );
}
