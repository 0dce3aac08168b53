import { memo, useMemo, type ReactNode } from 'react';
import { useEvents } from '../../api/history';
import type { RefreshPolicy } from '../../api/refresh-timing';
import { AfterPaint } from '../../components/after-paint';
import { TitledSection } from '../../components/titled-section';
import { useI18n } from '../../lib/i18n/i18n';
import { RANGE_MS, type Range } from '../../lib/url-state';
import type { Navigate } from '../../lib/use-url-state';
import { LazyEventsBody } from './lazy-bodies';
import { useSymbolHistory } from './use-symbol-history';

/** Events asked for on the overview: a week of a busy exchange. */
const RECENT_LIMIT = 200;
/** The most the events API gives in one answer (server/history/params MAX_EVENTS). */
const POOL_LIMIT = 1_000;

function Section({
  id,
  title,
  intro,
  children,
}: {
  id: string;
  title: string;
  intro: string;
  children: ReactNode;
}) {
  const i18n = useI18n();
  const loading = (
    <p role="status" className="text-sm text-[var(--muted)]">
      {i18n.t('events.loading')}
    </p>
  );
  return (
    <TitledSection id={id} title={title}>
      <p className="text-sm text-[var(--muted)]">{intro}</p>
      <AfterPaint fallback={loading}>{children}</AfterPaint>
    </TitledSection>
  );
}

/**
 * The overview's recent events: the last 7 days, newest first. Symbols that changed pools,
 * pools that appeared or went, listings, and falls of more than 5 % within an hour.
 */
export const RecentEvents = memo(function RecentEvents({
  policy,
  navigate,
}: {
  policy: RefreshPolicy;
  navigate: Navigate;
}) {
  const i18n = useI18n();
  const params = useMemo(() => ({ last: RANGE_MS['7d'], limit: RECENT_LIMIT }), []);
  const { data, error } = useEvents(params, policy);
  return (
    <Section id="events-title" title={i18n.t('events.title')} intro={i18n.t('events.window.7d')}>
      <LazyEventsBody answer={data} error={error} limit={RECENT_LIMIT} navigate={navigate} />
    </Section>
  );
});

/**
 * The events of the symbol's pools over the range the history shows, newest first: the same
 * span as the chart, so each change of pool on its time axis is listed here too. A symbol the
 * history never saw has none, and no section.
 */
export const PoolEvents = memo(function PoolEvents({
  symbol,
  range,
  policy,
  navigate,
}: {
  symbol: string;
  range: Range;
  policy: RefreshPolicy;
  navigate: Navigate;
}) {
  const i18n = useI18n();
  const params = useMemo(
    () => ({ ...(range === 'all' ? { from: 0 } : { last: RANGE_MS[range] }), limit: POOL_LIMIT }),
    [range],
  );
  const { data, error } = useEvents(params, policy);
  // The same query as the history's section: no second request.
  const history = useSymbolHistory(symbol, range, policy);
  if (history.error?.kind === 'not-recorded') return null;
  return (
    <Section
      id="pool-events-title"
      title={i18n.t('events.poolTitle')}
      intro={i18n.t('events.window.range', { range: i18n.t(`history.range.${range}`), symbol })}
    >
      <LazyEventsBody
        answer={data}
        error={error}
        limit={POOL_LIMIT}
        symbol={symbol}
        navigate={navigate}
      />
    </Section>
  );
});
