import type { AssetBalance } from '../core/pool-schema';
import type { RefreshMark } from '../core/refresh-change';
import { formatCompact, formatExactParts } from '../core/decimal';
import { useI18n } from '../lib/i18n/i18n';

/**
 * Every digit of a decimal string, set to be read as a financial table reads: the whole part
 * carries the eye, the fraction is there but quieter. `.balance-exact` holds the whole text.
 */
export function ExactFigure({ value }: { value: string }) {
  const { lang } = useI18n();
  const { whole, fraction } = formatExactParts(value, lang);
  return (
    <span className="balance-exact">
      <span className="balance-whole">{whole}</span>
      <span className="balance-fraction">{fraction}</span>
    </span>
  );
}

/**
 * One balance: the upstream's exact string grouped by thousands, its unit and the compact form
 * beside it, never instead of it. The parts sit in fixed columns (index.css, `.balance`), right
 * aligned on the decimal point in tabular digits, so the figures of cards one above another line
 * up digit for digit; the unit never wraps away from its figure. `data-value` carries the string
 * exactly as the upstream sent it.
 */
export function Balance({ balance, change }: { balance: AssetBalance; change?: RefreshMark }) {
  const { lang } = useI18n();
  return (
    <span
      data-testid="balance"
      data-asset={balance.asset}
      data-value={balance.marginBalance}
      data-change={change}
      className="balance"
    >
      <ExactFigure value={balance.marginBalance} />
      <span className="balance-asset">{balance.asset}</span>
      <span className="balance-compact">{`≈ ${formatCompact(balance.marginBalance, lang)}`}</span>
    </span>
  );
}
