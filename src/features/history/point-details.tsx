import { formatExact } from '../../core/decimal';
import { poolName } from '../../core/pools';
import { useI18n, type I18n } from '../../lib/i18n/i18n';
import type { ChartRow, DrawnPoint } from './chart-rows';
import type { HistoryChartData } from './history-charts';

/** `2026-12-02 06:25:00 UTC`, and the viewer's own clock beside it where that is not UTC. */
export function timeWithZone(t: number, i18n: I18n): string {
  const local = i18n.formatClock(t);
  return local.endsWith(' UTC') ? i18n.formatUtc(t) : `${i18n.formatUtc(t)} (${local})`;
}

/** The exact figure with its unit: `793,930,579.315848 USDT`, `$39,612,000.52`. */
export function figureText(chart: HistoryChartData, value: string, i18n: I18n): string {
  const exact = formatExact(value, i18n.lang);
  return chart.kind === 'value' ? i18n.t('value.usd', { amount: exact }) : `${exact} ${chart.unit}`;
}

/** One point in words: when, the exact figure, the pool it belongs to, how long it held. */
export function PointDetails({
  chart,
  point,
  heldTo,
}: {
  chart: HistoryChartData;
  point: DrawnPoint;
  heldTo?: number;
}) {
  const i18n = useI18n();
  const pool = chart.pools[point.membership];
  const bound = chart.shape.log.floor.toLocaleString(i18n.lang, { maximumSignificantDigits: 21 });
  return (
    <div className="max-w-sm space-y-1 rounded-md border border-[var(--border)] bg-[var(--bg)] px-3 py-2 text-sm text-[var(--fg)] shadow-md tabular-nums">
      <p>
        <time dateTime={new Date(point.t).toISOString()}>{timeWithZone(point.t, i18n)}</time>
      </p>
      <p className="font-mono font-semibold" data-value={point.value}>
        {figureText(chart, point.value, i18n)}
      </p>
      {pool ? (
        <p>
          {i18n.t('history.inPool', { pool: poolName({ symbols: pool.symbols, assets: [] }) })} ·{' '}
          {i18n.plural('charts.members', pool.symbols.length)}
        </p>
      ) : null}
      {heldTo !== undefined ? (
        <p className="text-[var(--muted)]">
          {i18n.t('history.held', { time: timeWithZone(heldTo, i18n) })}
        </p>
      ) : null}
      {point.clamped ? (
        <p className="text-[var(--muted)]">{i18n.t('charts.clamped', { floor: bound })}</p>
      ) : null}
    </div>
  );
}

/** Recharts' tooltip content: the point under the pointer, or the value it held until there. */
export function HistoryTooltip({
  active,
  payload,
  chart,
}: {
  active?: boolean;
  payload?: ReadonlyArray<{ payload?: unknown }>;
  chart: HistoryChartData;
}) {
  const row = payload?.[0]?.payload as ChartRow | undefined;
  if (!active || !row?.point) return null;
  return (
    <div data-testid="history-tooltip">
      <PointDetails chart={chart} point={row.point} heldTo={row.held ? row.t : undefined} />
    </div>
  );
}
