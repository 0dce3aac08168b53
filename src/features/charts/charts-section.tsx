import { memo, Suspense, useEffect, useState } from 'react';
import type { Pool } from '../../core/pool-schema';
import { ErrorBoundary } from '../../components/error-boundary';
import { useI18n } from '../../lib/i18n/i18n';
import { LazyAssetCharts } from './lazy-asset-charts';

/**
 * True once the page has painted with `active` set: a frame, then a task after its paint. The
 * charts' chunk starts only then, so Recharts never stands between the answer and the pools.
 */
function useAfterPaint(active: boolean): boolean {
  const [painted, setPainted] = useState(false);
  useEffect(() => {
    if (!active || painted) return undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => setPainted(true), 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      if (timer !== undefined) clearTimeout(timer);
    };
  }, [active, painted]);
  return painted;
}

/**
 * The place of the charts on the page. Memoised on the pools array, which the query keeps
 * identical while nothing changed, so the page's clock ticks never reach the charts.
 */
export const ChartsSection = memo(function ChartsSection({
  pools,
}: {
  pools: readonly Pool[] | undefined;
}) {
  const { t } = useI18n();
  const painted = useAfterPaint(pools !== undefined);
  if (!pools) return null;
  const loading = <p className="text-sm text-[var(--muted)]">{t('charts.loading')}</p>;
  return (
    <ErrorBoundary name="charts">
      {painted ? (
        <Suspense fallback={loading}>
          <LazyAssetCharts pools={pools} />
        </Suspense>
      ) : (
        loading
      )}
    </ErrorBoundary>
  );
});
