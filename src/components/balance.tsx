import type { AssetBalance } from '../core/pool-schema';
import type { Change } from '../core/changes';
import { formatCompact, formatExact } from '../core/decimal';
import { useI18n } from '../lib/i18n/i18n';

/**
 * One balance: the upstream's exact string grouped by thousands, the compact form beside it,
 * never instead of it. `data-value` carries the string exactly as the upstream sent it.
 */
export function Balance({ balance, change }: { balance: AssetBalance; change?: Change }) {
  const { lang } = useI18n();
  return (
    <span
      data-testid="balance"
      data-asset={balance.asset}
      data-value={balance.marginBalance}
      data-change={change}
      className="balance inline-flex flex-wrap items-baseline gap-x-2 tabular-nums"
    >
      <span className="balance-exact font-mono font-semibold">
        {formatExact(balance.marginBalance, lang)}
      </span>
      <span className="balance-asset text-[var(--muted)]">{balance.asset}</span>
      <span className="balance-compact text-xs text-[var(--muted)]">
        {`≈ ${formatCompact(balance.marginBalance, lang)}`}
      </span>
    </span>
  );
}
