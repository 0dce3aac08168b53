import { memo, useMemo } from 'react';
import { useEvents } from '../../api/history';
import type { RefreshPolicy } from '../../api/refresh-timing';
import { useI18n } from '../../lib/i18n/i18n';
import { RANGE_MS, type Range } from '../../lib/url-state';
import type { Navigate } from '../../lib/use-url-state';
import { Section } from './events-section';
import { LazyEventsBody } from './lazy-bodies';
import { useSymbolHistory } from './use-symbol-history';

/** The most the events API gives in one answer (server/history/params MAX_EVENTS). */
const POOL_LIMIT = 1_000;

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
