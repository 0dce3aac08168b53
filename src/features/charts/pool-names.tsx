import { memo } from 'react';
import { usePlotArea, useYAxisScale } from 'recharts';
import { flagList } from '../../components/flag-hints';
import { useI18n } from '../../lib/i18n/i18n';
import type { ChartRow } from './chart-data';

const MAX_LABEL = 24;
/** Where a left axis puts its labels: after its tick line (6 px) and the gap beside it (2 px). */
const TICK_SIZE = 6;
const TICK_MARGIN = 2;

function shorten(name: string): string {
  const chars = [...name];
  return chars.length > MAX_LABEL ? `${chars.slice(0, MAX_LABEL - 1).join('')}…` : name;
}

/**
 * A pool's name beside its bar; the searched pool's name is bold and marked, not only coloured,
 * and a flagged pool's name carries a flag mark with the flags' words as its title.
 */
const PoolName = memo(function PoolName({
  name,
  highlighted,
  flagged,
  x,
  y,
}: {
  name: string;
  highlighted: boolean;
  /** The flags' words, empty when none. */
  flagged: string;
  x: number;
  y: number;
}) {
  const label = shorten(name);
  const title = [label === name ? '' : name, flagged].filter(Boolean).join(' · ');
  return (
    <text
      x={x}
      y={y}
      dx={-6}
      dy={4}
      textAnchor="end"
      fontSize={12}
      fontWeight={highlighted ? 700 : 400}
      style={{ fill: highlighted ? 'var(--fg)' : 'var(--chart-text)' }}
      data-flagged={flagged ? true : undefined}
    >
      {title ? <title>{title}</title> : null}
      {highlighted ? '▶ ' : ''}
      {flagged ? <tspan style={{ fill: 'var(--chart-bar-flagged)' }}>⚑ </tspan> : null}
      {label}
    </text>
  );
});

/**
 * The pools' names beside their bars, where the category axis would put its tick labels. Drawn
 * here rather than by the axis: the axis builds every label again on each redraw and reports them
 * to the chart's store, which costs a second pass over the chart; here a name is touched only when
 * another pool takes its place or its pool is highlighted.
 */
export function PoolNames({ bars }: { bars: readonly ChartRow[] }) {
  const i18n = useI18n();
  const y = useYAxisScale();
  const plot = usePlotArea();
  if (!y || !plot) return null;
  const x = plot.x - TICK_SIZE - TICK_MARGIN;
  return (
    <g className="pool-names">
      {bars.map((row, i) => {
        const at = y(row.key, { position: 'middle' });
        // Keyed by place, as the bars are: two pools that swap places swap names, nothing moves.
        return at === undefined ? null : (
          <PoolName
            key={i}
            name={row.name}
            highlighted={row.highlighted}
            flagged={
              row.flags.length > 0
                ? i18n.t('charts.flagged', { flags: flagList(row.flags, i18n) })
                : ''
            }
            x={x}
            y={at}
          />
        );
      })}
    </g>
  );
}
