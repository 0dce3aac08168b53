import { memo } from 'react';
import type { Pool } from '../core/pool-schema';
import { useI18n } from '../lib/i18n/i18n';
import { useAdlContext } from './adl-context';

/**
 * How many of the pool's members the exchange rates high, medium and low for ADL risk, and which
 * are high, named. Nothing while the ratings are not had (the page says why, adl-status.tsx).
 * `mark`: the wall's form, a strong mark on a card whose pool holds a symbol rated high.
 */
export const PoolAdlSummary = memo(function PoolAdlSummary({
  pool,
  mark = false,
}: {
  pool: Pool;
  mark?: boolean;
}) {
  const i18n = useI18n();
  const summary = useAdlContext().summaryOf(pool);
  if (!summary) return null;
  const { high, medium, low, unrated, highSymbols } = summary;
  const counts = i18n.t('adl.counts', {
    high: i18n.formatCount(high),
    medium: i18n.formatCount(medium),
    low: i18n.formatCount(low),
  });
  return (
    <div
      data-testid="adl-summary"
      data-high={high}
      data-medium={medium}
      data-low={low}
      data-unrated={unrated}
      className={`text-[0.8125em] ${high > 0 && mark ? 'rounded border-2 border-[var(--down)] px-1.5 py-0.5' : ''}`}
    >
      <span className="tabular-nums">
        {unrated > 0
          ? i18n.sentences(counts, i18n.t('adl.unrated', { count: i18n.formatCount(unrated) }))
          : counts}
      </span>
      {high > 0 ? (
        <span className="block font-semibold text-[var(--down)]">
          {i18n.t('adl.highNamed', { symbols: highSymbols.join(', ') })}
        </span>
      ) : null}
    </div>
  );
});
