import { memo } from 'react';
import { SIGN_NAMES, SignedFigure } from '../../components/signed-figure';
import { useValuationContext } from '../../components/valuation-context';
import type { ChangeWindow } from '../../core/history';
import type { Pool } from '../../core/pool-schema';
import { useI18n } from '../../lib/i18n/i18n';

/**
 * The pool's change over the window in one figure, as the change columns sort it (core/value-change):
 * in dollars at today's index where it is valued, else in its asset that fell most. Nothing where
 * the history gives no change of every asset over the window; the change columns say why.
 */
export const PoolUsdChange = memo(function PoolUsdChange({
  pool,
  window,
}: {
  pool: Pool;
  window: ChangeWindow;
}) {
  const i18n = useI18n();
  const change = useValuationContext().changeOf(pool, window);
  if (!change) return null;
  const usd = change.basis === 'usd';
  return (
    <span
      data-testid="pool-change"
      data-window={window}
      data-basis={change.basis}
      data-value={change.value}
      data-rel={change.rel}
      data-regrouped={change.regrouped ? 'true' : undefined}
      data-sign={SIGN_NAMES[change.sign]}
      title={usd ? i18n.t('overview.atToday') : undefined}
      className="change pool-usd-change"
    >
      <span className="change-label">{`${i18n.t(`change.window.${window}`)} `}</span>
      <SignedFigure value={change.value} sign={change.sign} rel={change.rel} usd={usd} />
      {usd ? null : <span className="change-label">{` ${change.basis}`}</span>}
      {change.regrouped ? (
        <span className="change-regrouped">{` ${i18n.t('change.regrouped')}`}</span>
      ) : null}
    </span>
  );
});
