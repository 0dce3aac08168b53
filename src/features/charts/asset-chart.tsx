import { memo, useCallback, useMemo } from 'react';
import {
  Bar,
  BarChart,
  CartesianGrid,
  Tooltip,
  XAxis,
  YAxis,
  type BarShapeProps,
  type TooltipContentProps,
} from 'recharts';
import { KeyboardChart } from '../../components/keyboard-chart';
import { useI18n } from '../../lib/i18n/i18n';
import type { Scale } from '../../lib/url-state';
import type { Navigate } from '../../lib/use-url-state';
import { BarLink } from './bar-link';
import type { AssetChartData } from './chart-data';
import { ChartTooltip, PoolDetails } from './chart-tooltip';
import { decadeTicks } from '../../lib/log-scale';
import { openPool } from '../../lib/pool-link';
import { PoolNames } from './pool-names';
import { useBarCursor } from './use-bar-cursor';

const NAME_PX = 200;
/** Pixels per bar and around the plot: the chart grows with its pools, so names never overlap. */
const BAR_PX = 24;
const AXIS_PX = 36;

/*
 * Recharts re-renders a part whenever one of its props is a new object or function. A redraw then
 * renders every bar and name with the old layout first, and again with the new one: the props
 * that do not depend on the figures are made once, here or in `useMemo`/`useCallback`.
 */
const MARGIN = { top: 4, right: 24, bottom: 4, left: 0 };
const X_TICK = { fill: 'var(--chart-text)', fontSize: 12 };
const CURSOR = { fill: 'var(--chart-grid)', fillOpacity: 0.5 };
const LINEAR_DOMAIN: [number, 'auto'] = [0, 'auto'];

interface Props {
  chart: AssetChartData;
  scale: Scale;
  navigate: Navigate;
}

/**
 * One asset's balances as horizontal bars, one per pool, largest on top; loaded lazily with
 * Recharts. The keyboard walks the bars itself (Recharts' own layer does not in this layout),
 * and what it lands on is read out below the chart.
 */
function AssetChartView({ chart, scale, navigate }: Props) {
  const i18n = useI18n();
  const log = scale === 'log';
  const compact = useMemo(
    () => new Intl.NumberFormat(i18n.lang, { notation: 'compact', maximumSignificantDigits: 3 }),
    [i18n.lang],
  );
  const cursor = useBarCursor(chart.bars.length, (i) => {
    const symbol = chart.bars[i]?.opens;
    if (symbol !== undefined) openPool(symbol, navigate);
  });
  const current = cursor.active === undefined ? undefined : chart.bars[cursor.active];
  const { asset } = chart;
  const { floor, ceiling } = chart.log;
  const details = useMemo(() => ({ asset, log, floor }), [asset, log, floor]);
  const name = i18n.t(log ? 'charts.chartName.log' : 'charts.chartName.linear', { asset });
  const height = Math.max(chart.bars.length * BAR_PX + AXIS_PX, 96);
  const style = useMemo(() => ({ width: '100%', height }), [height]);
  // Recharts sets an axis up again for any new array, even one of the same ticks.
  const ticks = useMemo(() => decadeTicks(floor, ceiling), [floor, ceiling]);
  const domain = useMemo(
    (): [number, number] | typeof LINEAR_DOMAIN => (log ? [floor, ceiling] : LINEAR_DOMAIN),
    [log, floor, ceiling],
  );
  const formatTick = useCallback((v: number) => compact.format(v), [compact]);
  const renderTooltip = useCallback(
    (props: TooltipContentProps) => <ChartTooltip {...props} {...details} />,
    [details],
  );
  const focused = cursor.active;
  const renderBar = useCallback(
    (props: BarShapeProps) => (
      <BarLink {...props} asset={asset} navigate={navigate} focused={props.index === focused} />
    ),
    [asset, navigate, focused],
  );
  return (
    <KeyboardChart
      name={name}
      desc={i18n.t('charts.desc')}
      cursor={cursor}
      readoutId="chart-readout"
      readout={current ? <PoolDetails row={current} how="enter" {...details} /> : null}
    >
      <BarChart
        layout="vertical"
        data={chart.bars}
        accessibilityLayer={false}
        responsive
        style={style}
        margin={MARGIN}
        barCategoryGap={4}
      >
        {/*
            The bars come first: their effects then run before the axes', so an axis reporting
            its rendered ticks does not make every bar be drawn anew a second time.
          */}
        <Bar
          dataKey={log ? 'logValue' : 'value'}
          minPointSize={3}
          maxBarSize={18}
          isAnimationActive={false}
          shape={renderBar}
        />
        <CartesianGrid horizontal={false} stroke="var(--chart-grid)" />
        <XAxis
          type="number"
          scale={log ? 'log' : 'linear'}
          domain={domain}
          ticks={log ? ticks : undefined}
          allowDataOverflow={log}
          tickFormatter={formatTick}
          tick={X_TICK}
          stroke="var(--chart-grid)"
        />
        <YAxis
          type="category"
          dataKey="key"
          width={NAME_PX}
          tick={false}
          tickLine={false}
          stroke="var(--chart-grid)"
        />
        <Tooltip isAnimationActive={false} cursor={CURSOR} content={renderTooltip} />
        <PoolNames bars={chart.bars} />
      </BarChart>
    </KeyboardChart>
  );
}

/**
 * Redrawn only when handed another drawing: the card passes a new chart only when a bar would
 * move on screen (`needsRedraw`), and the exact figures come from `LiveRows`.
 */
export const AssetChart = memo(AssetChartView);
