import { SIGN_NAMES, SignedFigure } from '../../components/signed-figure';
import type { TotalChange } from '../../core/total-change';
import { useI18n } from '../../lib/i18n/i18n';

/**
 * The total's change over 24 h in dollars at today's index (`usd-total-change`), with what it
 * covers: the pools counted, those left out and why. Words where the history is too short.
 */
export function SummaryChange({
  change,
  pools,
}: {
  change: TotalChange | undefined;
  pools: number;
}) {
  const i18n = useI18n();
  if (!change) {
    return <p className="text-sm text-[var(--muted)]">{i18n.t('overview.historyPending')}</p>;
  }
  if (change.counted === 0) {
    return (
      <p data-testid="usd-total-change-none" className="text-sm text-[var(--muted)]">
        {i18n.t('overview.noChange')}
      </p>
    );
  }
  const notes = [i18n.t('overview.counted', { counted: change.counted, total: pools })];
  if (change.noHistory > 0) notes.push(i18n.plural('overview.leftShort', change.noHistory));
  if (change.regrouped > 0) notes.push(i18n.plural('overview.leftRegrouped', change.regrouped));
  return (
    <div className="space-y-0.5">
      {change.usd ? (
        <p className="flex flex-wrap items-baseline gap-x-3">
          <span className="text-sm text-[var(--muted)]">{i18n.t('overview.change24h')}</span>
          <span
            data-testid="usd-total-change"
            data-window={change.window}
            data-value={change.usd.value}
            data-sign={SIGN_NAMES[change.usd.sign]}
            title={i18n.t('overview.atToday')}
            className="change text-lg"
          >
            <SignedFigure
              value={change.usd.value}
              sign={change.usd.sign}
              rel={change.usd.rel}
              usd
            />
          </span>
        </p>
      ) : null}
      <p className="text-sm text-[var(--muted)]">{i18n.sentences(...notes)}</p>
    </div>
  );
}
