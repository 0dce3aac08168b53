import type { Freshness } from '../lib/freshness';
import { useI18n } from '../lib/i18n/i18n';
import { useIsClient } from '../lib/render-seed';

// Classes, not inline styles: a page rendered on the server may carry no `style` attribute
// under its Content Security Policy (`style-src 'self'`).
const DOT: Record<Freshness, string> = {
  live: 'bg-[var(--state-live)]',
  stale: 'bg-[var(--state-stale)]',
  offline: 'bg-[var(--state-offline)]',
  connecting: 'bg-[var(--state-connecting)]',
};
const TEXT: Record<Freshness, string> = {
  live: 'text-[var(--state-text-live)]',
  stale: 'text-[var(--state-text-stale)]',
  offline: 'text-[var(--state-text-offline)]',
  connecting: 'text-[var(--state-text-connecting)]',
};

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
  // The time is in the viewer's zone, which a page rendered on the server cannot know yet.
  const local = useIsClient();
  return (
    <span
      data-testid="freshness"
      data-state={state}
      className={`inline-flex items-center gap-2 ${className}`}
    >
      <span aria-hidden="true" className={`inline-block size-2.5 rounded-full ${DOT[state]}`} />
      <strong className={`font-semibold ${TEXT[state]}`}>{i18n.t(`freshness.${state}`)}</strong>
      <span className="text-[var(--muted)]">
        {lastSuccess <= 0
          ? i18n.t('freshness.never')
          : local && i18n.t('freshness.lastRefresh', { time: i18n.formatClock(lastSuccess) })}
      </span>
    </span>
  );
}
