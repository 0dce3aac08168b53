import type { Freshness } from '../lib/freshness';
import { useI18n } from '../lib/i18n/i18n';

/** The freshness state in words and colour, with when data last arrived. */
export function FreshnessBadge({
  state,
  lastSuccess,
  className = '',
}: {
  state: Freshness;
  lastSuccess: number;
  className?: string;
}) {
  const i18n = useI18n();
  return (
    <span
      data-testid="freshness"
      data-state={state}
      className={`inline-flex items-center gap-2 ${className}`}
    >
      <span
        aria-hidden="true"
        className="inline-block size-2.5 rounded-full"
        style={{ background: `var(--state-${state})` }}
      />
      <strong className="font-semibold" style={{ color: `var(--state-text-${state})` }}>
        {i18n.t(`freshness.${state}`)}
      </strong>
      <span className="text-[var(--muted)]">
        {lastSuccess > 0
          ? i18n.t('freshness.lastRefresh', { time: i18n.formatClock(lastSuccess) })
          : i18n.t('freshness.never')}
      </span>
    </span>
  );
}
