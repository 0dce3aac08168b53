import { useMemo } from 'react';
import { flagNames } from '../../core/flags';
import type { Pool } from '../../core/pool-schema';
import { poolKey } from '../../core/pools';
import { useValuationContext } from '../../components/valuation-context';
import { useI18n } from '../../lib/i18n/i18n';
import { useNow } from '../../lib/use-now';
import { useUrlState } from '../../lib/use-url-state';
import { AssetChartCard } from './asset-chart-card';
import { poolKeyOfSymbol, shapeCharts, type FlagsByPool } from './chart-data';

/** The charts' marks follow Stale by the minute; a chart is redrawn only when a mark changes. */
const MARKS_EVERY_MS = 60_000;

function useFlagsByPool(pools: readonly Pool[]): FlagsByPool {
  const valuation = useValuationContext();
  const minute = Math.floor(useNow() / MARKS_EVERY_MS);
  return useMemo(
    () =>
      new Map(
        pools.map((p) => [poolKey(p), flagNames(valuation.allFlagsOf(p, minute * MARKS_EVERY_MS))]),
      ),
    [pools, valuation, minute],
  );
}
import { ScaleToggle } from '../../components/scale-toggle';

/** One chart per asset in the snapshot, the searched symbol's pool highlighted in each. */
export function AssetCharts({ pools }: { pools: readonly Pool[] }) {
  const i18n = useI18n();
  const [url, navigate] = useUrlState();
  const searched = url.symbol?.valid ? url.symbol.symbol : undefined;
  const flags = useFlagsByPool(pools);
  const charts = useMemo(
    () => shapeCharts(pools, poolKeyOfSymbol(pools, searched), flags),
    [pools, searched, flags],
  );
  return (
    <section aria-labelledby="charts-title" className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h2 id="charts-title" className="text-lg font-semibold">
          {i18n.t('charts.title')}
        </h2>
        <ScaleToggle
          scale={url.scale}
          onChange={(scale) => navigate({ scale: scale === 'log' ? undefined : scale }, 'replace')}
        />
      </div>
      {charts.length === 0 ? (
        <p className="text-[var(--muted)]">{i18n.t('charts.empty')}</p>
      ) : (
        <div className="grid items-start gap-6 xl:grid-cols-2">
          {charts.map((chart) => (
            <AssetChartCard key={chart.asset} chart={chart} scale={url.scale} navigate={navigate} />
          ))}
        </div>
      )}
    </section>
  );
}
