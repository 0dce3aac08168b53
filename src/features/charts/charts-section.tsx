import { memo, Suspense } from 'react';
import type { Pool } from '../../api/schema';
import { ErrorBoundary } from '../../components/error-boundary';
import { useI18n } from '../../lib/i18n/i18n';
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
  if (!pools) return null;
  return (
    <ErrorBoundary name="charts">
      <Suspense fallback={<p className="text-sm text-[var(--muted)]">{t('charts.loading')}</p>}>
        <LazyAssetCharts pools={pools} />
      </Suspense>
    </ErrorBoundary>
  );
});
