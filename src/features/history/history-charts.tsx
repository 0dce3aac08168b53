import { useMemo } from 'react';
import type { HistoryAnswer } from '../../core/history';
import { useI18n } from '../../lib/i18n/i18n';
import type { Scale } from '../../lib/url-state';
import { chartShape, type ChartShape } from './chart-rows';
import type { Interval, Regrouping } from './history-gaps';
import { HistoryChartCard } from './history-chart-card';
import { piecesOf } from './history-pieces';
import { valueSeries } from './pool-value';
import { MAX_CHART_POINTS } from './range';

export interface HistoryChartData {
  /** `balance`: one asset's balance; `value`: the pool's estimated dollars. */
  kind: 'balance' | 'value';
  /** The asset, or `USD` for the value. */
  unit: string;
  shape: ChartShape;
  from: number;
  to: number;
  pools: HistoryAnswer['pools'];
}

interface Props {
  answer: HistoryAnswer;
  marks: { gaps: Interval[]; regroupings: Regrouping[] };
  scale: Scale;
}

/** One chart per asset of the answer, and the pool's value in dollars beside them where recorded. */
export function HistoryCharts({ answer, marks, scale }: Props) {
  const i18n = useI18n();
  const { charts, unvalued } = useMemo(() => {
    const frame = { from: answer.from, to: answer.to, pools: answer.pools };
    const out: HistoryChartData[] = answer.series
      .filter((s) => s.points.length > 0)
      .map((s) => ({
        kind: 'balance',
        unit: s.asset,
        shape: chartShape(
          piecesOf(
            s.points.map((p) => ({ t: p.t, value: p.balance })),
            answer,
          ),
          scale,
        ),
        ...frame,
      }));
    const value = valueSeries(answer, MAX_CHART_POINTS);
    if (value.points.length > 0)
      out.push({
        kind: 'value',
        unit: 'USD',
        shape: chartShape(piecesOf(value.points, answer), scale),
        ...frame,
      });
    return { charts: out, unvalued: value.unvalued };
  }, [answer, scale]);
  const valued = charts.some((c) => c.kind === 'value');
  return (
    <div className="space-y-3">
      {!valued && unvalued.length > 0 ? (
        <p className="text-sm text-[var(--muted)]">
          {i18n.t('history.value.none', { assets: unvalued.join(', ') })}
        </p>
      ) : valued && unvalued.length > 0 ? (
        <p className="text-sm text-[var(--muted)]">
          {i18n.t('value.unvalued', { assets: unvalued.join(', ') })}
        </p>
      ) : null}
      <div className="grid items-start gap-6 xl:grid-cols-2">
        {charts.map((chart) => (
          <HistoryChartCard
            key={`${chart.kind}:${chart.unit}`}
            chart={chart}
            marks={marks}
            scale={scale}
          />
        ))}
      </div>
    </div>
  );
}
