import { memo, Suspense, useLayoutEffect, useRef } from 'react';
import type { Pool } from '../../core/pool-schema';
import { ErrorBoundary } from '../../components/error-boundary';
import { useI18n } from '../../lib/i18n/i18n';
import { FULL_LIST, useNearScreen } from '../../lib/near-screen';
import { useAfterPaint } from '../../lib/use-after-paint';
import { LazyAssetCharts } from './lazy-asset-charts';

/**
 * The place of the charts on the page. Memoised on the pools array, which the query keeps
 * identical while nothing changed, so the page's clock ticks never reach the charts. Below a long
 * list (more than FULL_LIST pools) the charts are drawn only while near the screen; away from
 * it, the space they took waits, with a line saying so.
 */
export const ChartsSection = memo(function ChartsSection({
  pools,
}: {
  pools: readonly Pool[] | undefined;
}) {
  const { t } = useI18n();
  const painted = useAfterPaint(pools !== undefined);
  const place = useRef<HTMLDivElement>(null);
  const long = (pools?.length ?? 0) > FULL_LIST;
  const near = useNearScreen(place, long, !long);
  const height = useRef(0);
  const drawn = painted && near;
  useLayoutEffect(() => {
    const element = place.current;
    // Measured only below a long list, the one place the charts come and go.
    if (!element || !long) return;
    // The held space keeps the drawn charts' height (set through the CSSOM: the page's policy
    // refuses style attributes), so the page does not jump as they come and go.
    if (drawn) {
      element.style.minHeight = '';
      height.current = element.offsetHeight;
    } else if (height.current > 0) element.style.minHeight = `${height.current}px`;
  });
  if (!pools) return null;
  const loading = <p className="text-sm text-[var(--muted)]">{t('charts.loading')}</p>;
  return (
    <ErrorBoundary name="charts">
      <div ref={place} data-testid="charts" data-held={drawn || !painted ? undefined : 'true'}>
        {!painted ? (
          loading
        ) : near ? (
          <Suspense fallback={loading}>
            <LazyAssetCharts pools={pools} />
          </Suspense>
        ) : (
          <section aria-labelledby="charts-held" className="charts-held">
            <h2 id="charts-held" className="text-lg font-semibold">
              {t('charts.title')}
            </h2>
            <p className="text-sm text-[var(--muted)]">{t('charts.held')}</p>
          </section>
        )}
      </div>
    </ErrorBoundary>
  );
});
