import { memo, useMemo } from 'react';
import { ExactFigure } from '../../components/balance';
import { SIGN_NAMES, SignedFigure } from '../../components/signed-figure';
import { formatCompact } from '../../core/decimal';
import type { Pool } from '../../core/pool-schema';
import { totalsByAsset } from '../../core/pools';
import type { TotalChange } from '../../core/total-change';
import { useI18n } from '../../lib/i18n/i18n';

/**
 * The exact total of each asset across pools (`total`), each with its change over the window
 * (`total-change`) where the history gives one.
 */
export const AssetTotals = memo(function AssetTotals({
  pools,
  change,
}: {
  pools: readonly Pool[];
  change: TotalChange | undefined;
}) {
  const i18n = useI18n();
  const totals = useMemo(() => [...totalsByAsset(pools)], [pools]);
  if (totals.length === 0) return null;
  return (
    <div>
      <h3 className="text-sm text-[var(--muted)]">
        {i18n.t(change ? 'overview.assets' : 'pools.summary.totals')}
      </h3>
      <ul className="asset-totals mt-1 tabular-nums">
        {totals.map(([asset, total]) => {
          const moved = change?.assets.find((a) => a.asset === asset);
          return (
            <li key={asset} data-testid="total" data-asset={asset} data-value={total}>
              <span className="asset-total-figure font-mono">
                <ExactFigure value={total} />
              </span>
              <span className="text-[var(--muted)]">{asset}</span>
              <span className="asset-total-compact text-sm text-[var(--muted)]">
                ≈ {formatCompact(total, i18n.lang)}
              </span>
              {moved ? (
                <span
                  data-testid="total-change"
                  data-window={change!.window}
                  data-asset={asset}
                  data-value={moved.value}
                  data-sign={SIGN_NAMES[moved.sign]}
                  className="change text-sm"
                >
                  <SignedFigure value={moved.value} sign={moved.sign} rel={moved.rel} />
                </span>
              ) : (
                <span />
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
});
