import { memo } from 'react';
import { AfterPaint } from '../../components/after-paint';
import { TitledSection } from '../../components/titled-section';
import { useI18n } from '../../lib/i18n/i18n';
import { LazyHistoryBody } from './lazy-bodies';
import type { PoolHistoryProps } from './history-body';
import { useSymbolHistory } from './use-symbol-history';

/**
 * The section of the symbol's pool history. It asks for the history at once; what shows it
 * (range links, charts, notes, files) arrives in a lazy chunk once the page has painted, and
 * the page the server renders has the heading alone.
 */
export const PoolHistory = memo(function PoolHistory(props: PoolHistoryProps) {
  const i18n = useI18n();
  const history = useSymbolHistory(props.symbol, props.range, props.policy);
  // A symbol the exchange does not list, which the history never saw: its alert says enough.
  if (props.unlisted && history.error?.kind === 'not-recorded') return null;
  const loading = (
    <p role="status" className="text-[var(--muted)]">
      {i18n.t('history.loading', { symbol: props.symbol })}
    </p>
  );
  return (
    <TitledSection
      id="history-title"
      title={i18n.t('history.title')}
      className="space-y-3"
      headingClass="text-xl font-semibold"
    >
      <p className="text-sm text-[var(--muted)]">
        {i18n.t('history.intro', { symbol: props.symbol })}
      </p>
      <AfterPaint fallback={loading}>
        <LazyHistoryBody {...props} history={history} />
      </AfterPaint>
    </TitledSection>
  );
});
