import { useMemo, type ReactNode } from 'react';
import { formatExact } from '../../core/decimal';
import { countFlags, FLAG_NAMES } from '../../core/flags';
import type { Pool } from '../../core/pool-schema';
import { totalValue, type PoolValue } from '../../core/valuation';
import { FLAG_LABELS } from '../../components/flag-hints';
import { useValuationContext } from '../../components/valuation-context';
import { useI18n } from '../../lib/i18n/i18n';

/** Flags are counted again at most this often: the cards' own age lines move by the minute. */
const COUNT_EVERY_MS = 5_000;

/**
 * The estimated value of all pools to the cent (`usd-total`), and how many pools carry each flag.
 * Without an asset index there is no total: the alert above says why.
 */
export function SummaryValue({
  pools,
  now,
  historyMissing,
  children,
}: {
  pools: readonly Pool[];
  now: number;
  historyMissing: boolean;
  /** Set under the total: its change over 24 h. */
  children?: ReactNode;
}) {
  const i18n = useI18n();
  const valuation = useValuationContext();
  const total = useMemo(() => {
    if (!valuation.index) return undefined;
    return totalValue(pools.map((p) => valuation.poolValue(p) as PoolValue));
  }, [pools, valuation]);
  const tick = Math.floor(now / COUNT_EVERY_MS);
  const counts = useMemo(
    () => countFlags(pools.map((p) => valuation.allFlagsOf(p, tick * COUNT_EVERY_MS))),
    [pools, valuation, tick],
  );
  return (
    <div className="space-y-1">
      {total ? (
        <p
          data-testid="usd-total"
          data-value={total.usd}
          data-unvalued={total.unvalued.join(' ')}
          title={
            total.indexTime === undefined
              ? undefined
              : i18n.t('value.hint', { time: i18n.formatUtc(total.indexTime) })
          }
          className="flex flex-wrap items-baseline gap-x-3"
        >
          <span className="text-sm text-[var(--muted)]">{i18n.t('pools.summary.value')}</span>
          <span className="font-mono text-2xl font-semibold tabular-nums">
            {i18n.t('value.amount', { amount: formatExact(total.usd, i18n.lang) })}
          </span>
          {total.unvalued.length > 0 ? (
            <span className="text-sm text-[var(--muted)]">
              {i18n.t('value.unvalued', { assets: total.unvalued.join(', ') })}
            </span>
          ) : null}
        </p>
      ) : null}
      {children}
      <div className="flex flex-wrap items-baseline gap-x-3 text-sm">
        <h3 className="text-[var(--muted)]">{i18n.t('pools.summary.flags')}</h3>
        <ul className="flex flex-wrap gap-x-4">
          {FLAG_NAMES.map((flag) => (
            <li key={flag} data-testid="flag-count" data-flag={flag} data-count={counts[flag]}>
              {i18n.t('flags.count', {
                flag: i18n.t(FLAG_LABELS[flag]),
                count: i18n.formatCount(counts[flag]),
              })}
            </li>
          ))}
        </ul>
      </div>
      {historyMissing ? (
        <p className="text-sm text-[var(--muted)]">{i18n.t('flags.noHistory')}</p>
      ) : null}
    </div>
  );
}
