import { memo } from 'react';
import { CHANGE_WINDOW_NAMES, type ChangeWindow, type OverviewPool } from '../core/history';
import type { Pool } from '../core/pool-schema';
import { windowChange } from '../core/window-change';
import { ChangeFigure } from './change-figure';
import { Sparkline } from './sparkline';
import { useValuationContext } from './valuation-context';

const NONE: never[] = [];

/**
 * The pool's entry of the recorded history, `null` when the history is had but holds nothing of
 * this pool (a pool new since the last recording), `undefined` while no history could be had.
 */
export function usePoolHistory(pool: Pool): OverviewPool | null | undefined {
  const valuation = useValuationContext();
  if (!valuation.history) return undefined;
  return valuation.historyOf(pool) ?? null;
}

/** The asset a pool's sparkline follows: USDT where it holds some, else its first. */
export function sparkAssetOf(assets: readonly { asset: string }[]): string | undefined {
  return (assets.find((a) => a.asset === 'USDT') ?? assets[0])?.asset;
}

/**
 * One asset's changes over the windows asked for, each named ("24 h"); nothing while the history
 * cannot be had (the summary says why), and words, not figures, where it is too short.
 */
export const PoolAssetChanges = memo(function PoolAssetChanges({
  pool,
  asset,
  windows = CHANGE_WINDOW_NAMES,
}: {
  pool: Pool;
  asset: string;
  windows?: readonly ChangeWindow[];
}) {
  const history = usePoolHistory(pool);
  if (history === undefined) return null;
  return (
    <span className="change-row">
      {windows.map((w) => (
        <ChangeFigure
          key={w}
          change={windowChange(history ?? undefined, asset, w)}
          window={w}
          asset={asset}
          label
        />
      ))}
    </span>
  );
});

/** The pool's last 24 h as a sparkline: of its USDT balance, else of its first asset's. */
export const PoolSparkline = memo(function PoolSparkline({ pool }: { pool: Pool }) {
  const history = usePoolHistory(pool);
  if (history === undefined) return null;
  const asset = sparkAssetOf(history?.assets ?? pool.assets);
  if (asset === undefined) return null;
  const points = history?.assets.find((a) => a.asset === asset)?.spark ?? NONE;
  return <Sparkline points={points} asset={asset} />;
});
