import { memo, useMemo, type ReactNode } from 'react';
import { useEvents } from '../../api/history';
import type { RefreshPolicy } from '../../api/refresh-timing';
import { AfterPaint } from '../../components/after-paint';
import { TitledSection } from '../../components/titled-section';
import { useI18n } from '../../lib/i18n/i18n';
import { RANGE_MS } from '../../lib/url-state';
import type { Navigate } from '../../lib/use-url-state';
import { LazyEventsBody } from './lazy-bodies';

/** Events asked for on the overview: a week of a busy exchange. */
const RECENT_LIMIT = 200;
/** A section of events: its title, what it covers, and its list once the page has painted. */
export function Section({
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
