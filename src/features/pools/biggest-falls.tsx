import { memo, useMemo } from 'react';
import { SIGN_NAMES, SignedFigure } from '../../components/signed-figure';
import { useValuationContext } from '../../components/valuation-context';
import type { Pool } from '../../core/pool-schema';
import { leadingSymbols } from '../../core/pools';
import { useI18n } from '../../lib/i18n/i18n';
import { followPoolLink, poolHref } from '../../lib/pool-link';
import type { Navigate } from '../../lib/use-url-state';
import { cachedName } from './sort-pools';

/** Pools named on the first screen. */
const SHOWN = 5;

/**
 * The pools that fell most over 24 h by share of their value (core/value-change), each with the
 * amount, linked to its pool's view. Regroupings are not falls and are not ranked.
 */
export const BiggestFalls = memo(function BiggestFalls({
  pools,
  navigate,
}: {
  pools: readonly Pool[];
  navigate: Navigate;
}) {
  const i18n = useI18n();
  const valuation = useValuationContext();
  const falls = useMemo(
    () => (valuation.history ? valuation.fallsOf(pools, '24h', SHOWN) : undefined),
    [pools, valuation],
  );
  return (
    <div data-testid="biggest-falls">
      <h3 className="text-sm text-[var(--muted)]">{i18n.t('overview.falls')}</h3>
      {falls === undefined ? (
        <p className="text-sm text-[var(--muted)]">{i18n.t('overview.historyPending')}</p>
      ) : falls.length === 0 ? (
        <p className="text-sm">{i18n.t('overview.noFalls')}</p>
      ) : (
        <ol className="falls mt-1">
          {falls.map(({ item: pool, change }) => {
            const symbol = leadingSymbols(pool)[0] ?? pool.symbols[0]!;
            return (
              <li
                key={pool.symbols.join(',')}
                data-testid="biggest-fall"
                data-symbols={pool.symbols.join(' ')}
                data-value={change.value}
                data-basis={change.basis}
              >
                <a
                  href={poolHref(symbol)}
                  title={i18n.t('overview.openPool', { symbol })}
                  onClick={(e) => followPoolLink(e, symbol, navigate)}
                  className="falls-name"
                >
                  {cachedName(pool)}
                </a>
                <span data-sign={SIGN_NAMES[change.sign]} className="change">
                  <SignedFigure
                    value={change.value}
                    sign={change.sign}
                    rel={change.rel}
                    usd={change.basis === 'usd'}
                  />
                  {change.basis === 'usd' ? null : (
                    <span className="text-[var(--muted)]">{` ${change.basis}`}</span>
                  )}
                </span>
              </li>
            );
          })}
        </ol>
      )}
      <p className="mt-1 text-xs text-[var(--muted)]">{i18n.t('overview.fallsNote')}</p>
    </div>
  );
});
