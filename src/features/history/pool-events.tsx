import { memo, useMemo } from 'react';
import { useEvents } from '../../api/history';
import type { RefreshPolicy } from '../../api/refresh-timing';
import { useI18n } from '../../lib/i18n/i18n';
import type { Range } from '../../lib/url-state';
import type { Navigate } from '../../lib/use-url-state';
import { eventsOfSymbol } from './event-filter';
import { EventsList } from './events-list';
import { RANGE_MS } from './range';
import { useSymbolHistory } from './use-symbol-history';

/** The most the events API gives in one answer (server/history/params MAX_EVENTS). */
const LIMIT = 1_000;

/**
 * The events of the symbol's pools over the range the history shows, newest first: the same
 * span as the chart, so each change of pool on its time axis is listed here too.
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
    () => ({ ...(range === 'all' ? { from: 0 } : { last: RANGE_MS[range] }), limit: LIMIT }),
    [range],
  );
  const { data, error } = useEvents(params, policy);
  // The same query as the history's: a symbol the history never saw has no events to list.
  const history = useSymbolHistory(symbol, range, policy);
  const events = useMemo(
    () => (data ? eventsOfSymbol(data.events, symbol) : undefined),
    [data, symbol],
  );
  if (history.error?.kind === 'not-recorded') return null;
  return (
    <section aria-labelledby="pool-events-title" className="space-y-2">
      <h2 id="pool-events-title" className="text-xl font-semibold">
        {i18n.t('events.poolTitle')}
      </h2>
      <p className="text-sm text-[var(--muted)]">
        {i18n.t('events.window.range', { range: i18n.t(`history.range.${range}`), symbol })}
      </p>
      <EventsList
        events={events}
        error={error}
        cut={data && data.events.length >= LIMIT ? LIMIT : undefined}
        navigate={navigate}
      />
    </section>
  );
});
