import type { BarShapeProps } from 'recharts';
import { formatExact } from '../../core/decimal';
import { flagList } from '../../components/flag-hints';
import { useI18n } from '../../lib/i18n/i18n';
import type { Navigate } from '../../lib/use-url-state';
import type { ChartRow } from './chart-data';
import { followPoolLink, poolHref } from '../../lib/pool-link';

/**
 * One bar, drawn as a link to its pool's symbol view. The bars stay out of the tab order (a chart
 * of forty links would be a trap); the table beside the chart holds the same links for the keyboard.
 */
export function BarLink({
  x,
  y,
  width,
  height,
  payload,
  asset,
  navigate,
  focused,
}: BarShapeProps & { asset: string; navigate: Navigate; focused: boolean }) {
  const i18n = useI18n();
  const { lang } = i18n;
  const row = payload as ChartRow;
  const flagged = row.flags.length > 0;
  const rect = (
    <rect
      x={width < 0 ? x + width : x}
      y={y}
      width={Math.abs(width)}
      height={Math.max(height, 0)}
      rx={2}
      data-highlighted={row.highlighted || undefined}
      data-focused={focused || undefined}
      data-flags={flagged ? row.flags.join(' ') : undefined}
      style={{
        fill: row.highlighted
          ? 'var(--chart-bar-highlight)'
          : flagged
            ? 'var(--chart-bar-flagged)'
            : 'var(--chart-bar)',
        ...(focused
          ? { stroke: 'var(--focus)', strokeWidth: 3 }
          : row.highlighted
            ? { stroke: 'var(--fg)', strokeWidth: 1.5 }
            : {}),
      }}
    />
  );
  const symbol = row.opens;
  if (symbol === undefined) return rect;
  return (
    <a
      href={poolHref(symbol)}
      tabIndex={-1}
      aria-label={`${row.name}: ${formatExact(row.balance, lang)} ${asset}${flagged ? ` (${i18n.t('charts.flagged', { flags: flagList(row.flags, i18n) })})` : ''}`}
      data-testid="asset-bar"
      data-pool={row.key}
      data-value={row.balance}
      className="cursor-pointer"
      onClick={(event) => followPoolLink(event, symbol, navigate)}
    >
      {rect}
    </a>
  );
}
