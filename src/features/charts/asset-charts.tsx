import { useMemo } from 'react';
import type { Pool } from '../../core/pool-schema';
import { useI18n } from '../../lib/i18n/i18n';
import { useUrlState } from '../../lib/use-url-state';
import { AssetChartCard } from './asset-chart-card';
import { poolKeyOfSymbol, shapeCharts } from './chart-data';
import { ScaleToggle } from './scale-toggle';

/** One chart per asset in the snapshot, the searched symbol's pool highlighted in each. */
export function AssetCharts({ pools }: { pools: readonly Pool[] }) {
  const i18n = useI18n();
  const [url, navigate] = useUrlState();
  const searched = url.symbol?.valid ? url.symbol.symbol : undefined;
  const charts = useMemo(
    () => shapeCharts(pools, poolKeyOfSymbol(pools, searched)),
    [pools, searched],
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
