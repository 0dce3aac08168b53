import { memo, useMemo } from 'react';
import { SIGN_NAMES, SignedFigure } from '../../components/signed-figure';
import { useValuationContext } from '../../components/valuation-context';
import { formatExact } from '../../core/decimal';
import type { Pool } from '../../core/pool-schema';
import { poolName } from '../../core/pools';
import { totalChange } from '../../core/total-change';
import { totalValue, type PoolValue } from '../../core/valuation';
import { useI18n } from '../../lib/i18n/i18n';

function Field({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="wall-headline-field">
      <span className="wall-field-label">{label}</span>
      <span className="wall-headline-value">{children}</span>
    </div>
  );
}

/**
 * The row read first from across the room: what all pools are worth, how that changed over 24 h
 * (in dollars at today's index, over the pools whose history covers the day and whose members did
 * not change), and the pool that fell most over 24 h by share. Words where the history is short.
 */
export const WallHeadline = memo(function WallHeadline({ pools }: { pools: readonly Pool[] }) {
  const i18n = useI18n();
  const valuation = useValuationContext();
  const facts = useMemo(() => {
    const total = valuation.index
      ? totalValue(pools.map((p) => valuation.poolValue(p) as PoolValue))
      : undefined;
    if (!valuation.history) return { total, change: undefined, fall: undefined };
    const change = totalChange(
      pools.map((p) => valuation.historyOf(p)),
      valuation.index,
      '24h',
    );
    const [fall] = valuation.fallsOf(pools, '24h', 1);
    return { total, change, fall: fall ?? null };
  }, [pools, valuation]);
  const { total, change, fall } = facts;
  const usd = change && change.counted > 0 ? change.usd : undefined;
  return (
    <section
      data-testid="wall-headline"
      className="wall-headline"
      aria-label={i18n.t('wall.headline')}
    >
      {total ? (
        <Field label={i18n.t('wall.value')}>
          <span data-testid="wall-total" data-value={total.usd} className="wall-total">
            {i18n.t('value.amount', { amount: formatExact(total.usd, i18n.lang) })}
          </span>
        </Field>
      ) : null}
      {change ? (
        <Field label={i18n.t('wall.change')}>
          {usd ? (
            <span
              data-testid="wall-total-change"
              data-window="24h"
              data-value={usd.value}
              data-sign={SIGN_NAMES[usd.sign]}
              className="change"
            >
              <SignedFigure value={usd.value} sign={usd.sign} rel={usd.rel} usd />
            </span>
          ) : (
            <span className="wall-headline-none">{i18n.t('wall.noHistory')}</span>
          )}
        </Field>
      ) : null}
      {fall !== undefined ? (
        <Field label={i18n.t('wall.biggestFall')}>
          {fall ? (
            <span
              data-testid="wall-biggest-fall"
              data-symbols={fall.item.symbols.join(' ')}
              data-value={fall.change.value}
              data-basis={fall.change.basis}
              data-sign="down"
              className="change"
            >
              <span className="wall-fall-name">{`${poolName(fall.item)} `}</span>
              <SignedFigure
                value={fall.change.value}
                sign={fall.change.sign}
                rel={fall.change.rel}
                usd={fall.change.basis === 'usd'}
              />
              {fall.change.basis === 'usd' ? null : ` ${fall.change.basis}`}
            </span>
          ) : (
            <span className="wall-headline-none">{i18n.t('wall.noFall')}</span>
          )}
        </Field>
      ) : null}
    </section>
  );
});
