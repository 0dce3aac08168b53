import { formatExact } from '../../core/decimal';
import { flagList } from '../../components/flag-hints';
import { useI18n } from '../../lib/i18n/i18n';
import type { ChartRow } from './chart-data';
import { useLiveRow } from './live-rows';

interface Details {
  asset: string;
  log: boolean;
  floor: number;
}

/** The exact balance, the pool's size and best-known members, and why a bar is drawn as it is. */
export function PoolDetails({
  row: drawn,
  asset,
  log,
  floor,
  how,
}: Details & { row: ChartRow; how: 'click' | 'enter' }) {
  const i18n = useI18n();
  const row = useLiveRow(drawn);
  const bound = floor.toLocaleString(i18n.lang, { maximumSignificantDigits: 21 });
  return (
    <div className="max-w-xs space-y-1 rounded-md border border-[var(--border)] bg-[var(--bg)] px-3 py-2 text-sm text-[var(--fg)] shadow-md tabular-nums">
      <p className="font-semibold">{row.name}</p>
      <p>
        <span className="font-mono font-semibold" data-value={row.balance}>
          {formatExact(row.balance, i18n.lang)}
        </span>{' '}
        {asset}
      </p>
      <p>
        {i18n.plural('charts.members', row.members)} ·{' '}
        {i18n.t('charts.leading', { symbols: row.leading.join(', ') })}
      </p>
      {row.flags.length > 0 ? (
        <p data-testid="chart-flags" className="font-semibold">
          {i18n.t('charts.flagged', { flags: flagList(row.flags, i18n) })}
        </p>
      ) : null}
      {log && row.clamped ? (
        <p className="text-[var(--muted)]">{i18n.t('charts.clamped', { floor: bound })}</p>
      ) : null}
      {row.opens ? (
        <p className="text-[var(--muted)]">
          {i18n.t(how === 'click' ? 'charts.open' : 'charts.openEnter')}
        </p>
      ) : null}
    </div>
  );
}

/** Recharts' tooltip content: the details of the pool under the pointer. */
export function ChartTooltip({
  active,
  payload,
  ...details
}: Details & { active?: boolean; payload?: ReadonlyArray<{ payload?: unknown }> }) {
  const row = payload?.[0]?.payload as ChartRow | undefined;
  return active && row ? (
    <div data-testid="chart-tooltip">
      <PoolDetails row={row} how="click" {...details} />
    </div>
  ) : null;
}
