import { memo } from 'react';
import type { Pool } from '../core/pool-schema';
import { formatExact } from '../core/decimal';
import { useI18n } from '../lib/i18n/i18n';
import { useValuationContext } from './valuation-context';

interface UsdValueProps {
  usd: string;
  /** Space-separated, as the page hook carries them. */
  unvalued: string;
  valuedCount: number;
  indexTime: number | undefined;
}

/**
 * A pool's worth as an estimate: "≈ $1,099,653,179.29", the index time and what the figure is in
 * its tooltip, and the assets left out named in words. `data-value` is the figure to the cent.
 */
const UsdValue = memo(function UsdValue({ usd, unvalued, valuedCount, indexTime }: UsdValueProps) {
  const i18n = useI18n();
  const assets = unvalued.split(' ').join(', ');
  return (
    <div
      data-testid="usd-value"
      data-value={usd}
      data-unvalued={unvalued}
      title={
        indexTime === undefined
          ? undefined
          : i18n.t('value.hint', { time: i18n.formatUtc(indexTime) })
      }
      className="pool-value flex flex-wrap items-baseline gap-x-3 text-[1em]"
    >
      <span className="sr-only">{i18n.t('value.label')}</span>
      {valuedCount > 0 ? (
        <span className="pool-value-figure font-mono font-semibold tabular-nums">
          {i18n.t('value.amount', { amount: formatExact(usd, i18n.lang) })}
        </span>
      ) : (
        <span className="pool-value-none text-[0.8125em] text-[var(--muted)]">
          {i18n.t('value.none', { assets })}
        </span>
      )}
      {valuedCount > 0 && unvalued !== '' ? (
        <span className="pool-value-unvalued text-[0.8125em] text-[var(--muted)]">
          {i18n.t('value.unvalued', { assets })}
        </span>
      ) : null}
    </div>
  );
});

/** The card's value line; nothing while no asset index could be had (the balances say it all). */
export const PoolValue = memo(function PoolValue({ pool }: { pool: Pool }) {
  const value = useValuationContext().poolValue(pool);
  if (!value) return null;
  return (
    <UsdValue
      usd={value.usd}
      unvalued={value.unvalued.join(' ')}
      valuedCount={value.valued.length}
      indexTime={value.indexTime}
    />
  );
});
