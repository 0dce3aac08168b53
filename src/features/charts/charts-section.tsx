import { memo, Suspense } from 'react';
import type { Pool } from '../../core/pool-schema';
import { ErrorBoundary } from '../../components/error-boundary';
import { useI18n } from '../../lib/i18n/i18n';
import { useAfterPaint } from '../../lib/use-after-paint';
import { LazyAssetCharts } from './lazy-asset-charts';

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
