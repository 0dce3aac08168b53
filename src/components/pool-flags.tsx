import { memo } from 'react';
import type { FlagName } from '../core/flags';
import type { Pool } from '../core/pool-schema';
import { useI18n } from '../lib/i18n/i18n';
import { drawnDownHint, FLAG_LABELS, lowHint } from './flag-hints';
import { useValuationContext } from './valuation-context';

/**
 * One flag: its word, and the figures that raised it as a tooltip and, for screen readers and
 * touch screens that show no tooltip, as text beside it.
 */
export const FlagChip = memo(function FlagChip({ flag, hint }: { flag: FlagName; hint: string }) {
  const { t } = useI18n();
  return (
    <span
      data-testid="pool-flag"
      data-flag={flag}
      title={hint}
      className={`pool-flag pool-flag-${flag}`}
    >
      {t(FLAG_LABELS[flag])}
      <span className="sr-only">{`: ${hint}`}</span>
    </span>
  );
});

/** Low and Drawn down, for the card's title line; Stale sits with the snapshot's age. */
export const PoolFlagChips = memo(function PoolFlagChips({ pool }: { pool: Pool }) {
  const i18n = useI18n();
  const { low, drawnDown } = useValuationContext().flagsOf(pool);
  return (
    <>
      {low ? <FlagChip flag="low" hint={lowHint(low, i18n)} /> : null}
      {drawnDown ? <FlagChip flag="drawn-down" hint={drawnDownHint(drawnDown, i18n)} /> : null}
    </>
  );
});
