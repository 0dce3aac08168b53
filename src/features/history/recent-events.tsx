import { memo, useMemo } from 'react';
import { useEvents } from '../../api/history';
import type { RefreshPolicy } from '../../api/refresh-timing';
import { useI18n } from '../../lib/i18n/i18n';
import type { Navigate } from '../../lib/use-url-state';
import { EventsList } from './events-list';
import { RANGE_MS } from './range';

/** Events asked for at most: a week of a busy exchange. */
const LIMIT = 200;

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
  const params = useMemo(() => ({ last: RANGE_MS['7d'], limit: LIMIT }), []);
  const { data, error } = useEvents(params, policy);
  return (
    <section aria-labelledby="events-title" className="space-y-2">
      <h2 id="events-title" className="text-lg font-semibold">
        {i18n.t('events.title')}
      </h2>
      <p className="text-sm text-[var(--muted)]">{i18n.t('events.window.7d')}</p>
      <EventsList
        events={data?.events}
        error={error}
        cut={data && data.events.length >= LIMIT ? LIMIT : undefined}
        navigate={navigate}
      />
    </section>
  );
});
