import { memo } from 'react';
import { compareDecimals, formatCompact, toNumber } from '../core/decimal';
import type { HistoryPoint } from '../core/history';
import { useI18n } from '../lib/i18n/i18n';

const DAY = 86_400_000;
const W = 96;
const H = 24;
/** A step longer than this many times the usual one is a gap in the recording, drawn as one. */
const GAP_STEPS = 3;

/** The polyline's path: x by time over the day before the last point, y by balance; gaps break it. */
export function sparkPath(points: readonly HistoryPoint[]): string {
  if (points.length === 0) return '';
  const end = points.at(-1)!.t;
  const start = end - DAY;
  const values = points.map((p) => toNumber(p.balance));
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  const steps = points
    .slice(1)
    .map((p, i) => p.t - points[i]!.t)
    .sort((a, b) => a - b);
  const usual = steps[Math.floor(steps.length / 2)] ?? DAY;
  const x = (t: number) => (((t - start) / DAY) * W).toFixed(1);
  const y = (v: number) =>
    (hi === lo ? H / 2 : H - 1 - ((v - lo) / (hi - lo)) * (H - 2)).toFixed(1);
  const starts = points.map((p, i) => i === 0 || p.t - points[i - 1]!.t > GAP_STEPS * usual);
  let d = '';
  points.forEach((p, i) => {
    d += `${starts[i] ? 'M' : 'L'}${x(p.t)} ${y(values[i]!)}`;
    // A point alone between two gaps is drawn as a dot: a zero-length stroke with round caps.
    if (starts[i] && (i === points.length - 1 || starts[i + 1])) d += 'h0';
  });
  return d;
}

/**
 * A day of one asset's balance as a tiny line, drawn from the recorded history (`spark` of
 * `/api/overview`, hourly at finest): rising or falling at a glance, gaps left open. Its words
 * (first and last balance) are its accessible name. Plain SVG, so the page's first chunk stays small.
 */
export const Sparkline = memo(function Sparkline({
  points,
  asset,
}: {
  points: readonly HistoryPoint[];
  asset: string;
}) {
  const i18n = useI18n();
  if (points.length < 2) {
    return (
      <span data-testid="sparkline-none" className="sparkline-none">
        {i18n.t('spark.none')}
      </span>
    );
  }
  const first = points[0]!.balance;
  const last = points.at(-1)!.balance;
  const order = compareDecimals(last, first);
  const d = sparkPath(points);
  return (
    <svg
      data-testid="sparkline"
      data-asset={asset}
      data-points={points.length}
      data-trend={order > 0 ? 'up' : order < 0 ? 'down' : 'flat'}
      role="img"
      aria-label={i18n.t('spark.label', {
        asset,
        from: formatCompact(first, i18n.lang),
        to: formatCompact(last, i18n.lang),
      })}
      viewBox={`0 0 ${W} ${H}`}
      preserveAspectRatio="none"
      className="sparkline"
    >
      <path d={d} fill="none" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
});
