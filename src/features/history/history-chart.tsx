import { memo, useCallback, useMemo } from 'react';
import {
  CartesianGrid,
  Line,
  LineChart,
  ReferenceArea,
  ReferenceDot,
  ReferenceLine,
  Tooltip,
  XAxis,
  YAxis,
  type TooltipContentProps,
} from 'recharts';
import { KeyboardChart } from '../../components/keyboard-chart';
import { useI18n } from '../../lib/i18n/i18n';
import { decadeTicks } from '../../lib/log-scale';
import { fittedAxis } from './axis-domain';
import type { Scale } from '../../lib/url-state';
import type { Interval, Regrouping } from './history-gaps';
import type { HistoryChartData } from './history-charts';
import { HistoryTooltip, PointDetails } from './point-details';
import { tickLabel, timeTicks } from './time-ticks';
import { usePointCursor } from './use-point-cursor';

/*
 * Props that do not depend on the figures are made once: Recharts sets a part up again for
 * any new object or function it is handed.
 */
const STYLE = { width: '100%', height: 260 };
const MARGIN = { top: 20, right: 16, bottom: 4, left: 4 };
const TICK = { fill: 'var(--chart-text)', fontSize: 12 };
const ACTIVE_DOT = { r: 4, fill: 'var(--chart-bar)', stroke: 'var(--bg)' };
const GAP_LABEL = { value: '', position: 'insideTop' as const };

interface Props {
  chart: HistoryChartData;
  marks: { gaps: Interval[]; regroupings: Regrouping[] };
  scale: Scale;
}

/**
 * The balance (or value) over time as a step line: a balance holds until its next update. The
 * line is cut at every gap in the record (shaded) and at every change of pool (a dashed mark on
 * the time axis). The keyboard walks the points itself, and what it lands on is read out below.
 */
function HistoryChartView({ chart, marks, scale }: Props) {
  const i18n = useI18n();
  const log = scale === 'log';
  const { shape, from, to } = chart;
  const value = chart.kind === 'value';
  const compact = useMemo(
    () => new Intl.NumberFormat(i18n.lang, { notation: 'compact', maximumSignificantDigits: 3 }),
    [i18n.lang],
  );
  const cursor = usePointCursor(shape.points.length);
  const current = cursor.active === undefined ? undefined : shape.points[cursor.active];
  const time = useMemo(() => timeTicks(from, to), [from, to]);
  const xDomain = useMemo((): [number, number] => [from, to], [from, to]);
  const { floor, ceiling } = shape.log;
  // One series over time: on a log axis, whole decades; else an axis fitted to its own range.
  const yAxis = useMemo(
    () =>
      log
        ? { domain: [floor, ceiling] as [number, number], ticks: decadeTicks(floor, ceiling) }
        : fittedAxis(shape.points.map((p) => p.y)),
    [log, floor, ceiling, shape.points],
  );
  const formatX = useCallback((t: number) => tickLabel(t, time), [time]);
  const formatY = useCallback(
    (v: number) => (value ? `$${compact.format(v)}` : compact.format(v)),
    [compact, value],
  );
  const renderTooltip = useCallback(
    (props: TooltipContentProps) => <HistoryTooltip {...props} chart={chart} />,
    [chart],
  );
  const regroupLabel = useMemo(
    () => ({
      value: i18n.t('history.regroupedMark'),
      position: 'insideTopLeft' as const,
      fill: 'var(--fg)',
      fontSize: 11,
    }),
    [i18n],
  );
  const name = value
    ? i18n.t(log ? 'history.value.chartName.log' : 'history.value.chartName.linear')
    : i18n.t(log ? 'history.chartName.log' : 'history.chartName.linear', { asset: chart.unit });
  return (
    <KeyboardChart
      name={name}
      desc={i18n.t('history.desc')}
      cursor={cursor}
      readoutId="history-readout"
      readout={current ? <PointDetails chart={chart} point={current} /> : null}
    >
      <LineChart
        data={shape.rows}
        accessibilityLayer={false}
        responsive
        style={STYLE}
        margin={MARGIN}
      >
        <CartesianGrid vertical={false} stroke="var(--chart-grid)" />
        {marks.gaps.map((g) => (
          <ReferenceArea
            key={`g${g.from}`}
            x1={g.from}
            x2={g.to}
            fill="var(--chart-grid)"
            fillOpacity={0.6}
            ifOverflow="hidden"
            label={GAP_LABEL}
          />
        ))}
        {marks.regroupings.map((r) => (
          <ReferenceLine
            key={`r${r.at}`}
            x={r.at}
            stroke="var(--chart-bar-highlight)"
            strokeDasharray="4 3"
            strokeWidth={2}
            label={regroupLabel}
          />
        ))}
        <Line
          dataKey="y"
          type="stepAfter"
          connectNulls={false}
          dot={false}
          activeDot={ACTIVE_DOT}
          stroke={value ? 'var(--chart-bar-highlight)' : 'var(--chart-bar)'}
          strokeWidth={2}
          isAnimationActive={false}
        />
        <XAxis
          dataKey="t"
          type="number"
          domain={xDomain}
          ticks={time.ticks}
          tickFormatter={formatX}
          tick={TICK}
          stroke="var(--chart-grid)"
          allowDataOverflow
        />
        <YAxis
          type="number"
          scale={log ? 'log' : 'linear'}
          domain={yAxis.domain}
          ticks={yAxis.ticks}
          allowDataOverflow
          tickFormatter={formatY}
          tick={TICK}
          width={64}
          stroke="var(--chart-grid)"
        />
        {current ? (
          <ReferenceDot
            x={current.t}
            y={current.y}
            r={6}
            fill="var(--bg)"
            stroke="var(--focus)"
            strokeWidth={3}
            ifOverflow="visible"
          />
        ) : null}
        <Tooltip isAnimationActive={false} content={renderTooltip} />
      </LineChart>
    </KeyboardChart>
  );
}

/** Redrawn only when handed another answer, scale or marks. */
export const HistoryChart = memo(HistoryChartView);
