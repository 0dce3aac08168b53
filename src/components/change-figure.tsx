import { memo } from 'react';
import { formatExact } from '../core/decimal';
import type { ChangeWindow } from '../core/history';
import type { WindowChange } from '../core/window-change';
import { useI18n } from '../lib/i18n/i18n';
import { SIGN_NAMES, SignedFigure } from './signed-figure';

export interface ChangeFigureProps {
  /** The change over the window (core/window-change); `undefined` where history is too short. */
  change: WindowChange | undefined;
  window: ChangeWindow;
  asset: string;
  /** Names the window before the figure ("24 h"), where no column heading does. */
  label?: boolean;
}

/**
 * One asset's change over one window: the exact amount (every digit, as the balances), its share
 * and, where the pool's members changed within the window, words saying so. Coloured by its sign,
 * which the figure also writes. Where the history does not reach back a whole window, it says so
 * in words and gives no figure. `data-value` is the exact change.
 */
export const ChangeFigure = memo(function ChangeFigure({
  change,
  window,
  asset,
  label = false,
}: ChangeFigureProps) {
  const i18n = useI18n();
  const name = i18n.t(`change.window.${window}`);
  // Spaces between the parts, for copying and for screen readers; the layout sets the gaps.
  const caption = label ? <span className="change-label">{`${name} `}</span> : null;
  if (!change) {
    return (
      <span
        data-testid="change-none"
        data-window={window}
        data-asset={asset}
        title={i18n.t('change.noneHint', { window: name })}
        className="change"
      >
        {caption}
        <span className="change-none">{i18n.t('change.none')}</span>
      </span>
    );
  }
  const hint = i18n.t('change.hint', {
    asset,
    from: formatExact(change.from.balance, i18n.lang),
    fromTime: i18n.formatUtc(change.from.t),
    to: formatExact(change.to.balance, i18n.lang),
    toTime: i18n.formatUtc(change.to.t),
  });
  return (
    <span
      data-testid="change"
      data-window={window}
      data-asset={asset}
      data-value={change.value}
      data-regrouped={change.regrouped ? 'true' : undefined}
      data-sign={SIGN_NAMES[change.sign]}
      title={
        change.regrouped ? `${hint} ${i18n.t('change.regroupedHint', { window: name })}` : hint
      }
      className="change"
    >
      {caption}
      <SignedFigure value={change.value} sign={change.sign} rel={change.rel} />
      {change.regrouped ? (
        <span className="change-regrouped">{` ${i18n.t('change.regrouped')}`}</span>
      ) : null}
    </span>
  );
});
