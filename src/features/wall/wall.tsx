import { useMemo } from 'react';
import { failuresInARow } from '../../api/attempts';
import { pausedUntil } from '../../api/insurance-balance';
import { insuranceKeys, questionOf } from '../../api/queries';
import { refreshPolicy } from '../../api/refresh-timing';
import { usePools } from '../../api/use-pools';
import { Alert } from '../../components/alert';
import { ApiErrorAlert } from '../../components/api-error-alert';
import { ErrorBoundary } from '../../components/error-boundary';
import { ValuationWithPools } from '../../components/follow-pools';
import { ValuationAlert } from '../../components/valuation-alert';
import { useValuationState } from '../../components/valuation-context';
import { useI18n } from '../../lib/i18n/i18n';
import { snapshotTime } from '../../core/pools';
import type { UrlState } from '../../lib/url-state';
import { useChangeMarks } from './use-change-marks';
import { WallAlerts } from './wall-alerts';
import { useWakeLock } from './use-wake-lock';
import { WallHeadline } from './wall-headline';
import { WallPages } from './wall-pages';
import { WallStatus } from './wall-status';

/** How long each page of pools stays on screen. */
export const PAGE_MS = 15_000;

/**
 * The monitoring wall: the dashboard's own pieces composed for a screen read from across a room,
 * running unattended. A headline row (what all pools are worth, its change over 24 h, the biggest
 * fall), sharp drops held on a banner for `?hold=` minutes, then the pools a page at a time, each
 * with its change over 24 h and sparkline. It refreshes whether or not its tab shows, and nothing on it takes input.
 */
export function Wall({ url }: { url: UrlState }) {
  const i18n = useI18n();
  const policy = useMemo(() => refreshPolicy('wall', url.refresh), [url.refresh]);
  const { snapshot, freshness, error, query, now, next } = usePools(policy);
  const value = useValuationState();
  const wakeLock = useWakeLock();
  const pools = snapshot?.data;
  const dropHoldMs = url.hold * 60_000;
  const { changes, drops } = useChangeMarks(pools, query.dataUpdatedAt, now, dropHoldMs);
  const snapshotAt = useMemo(() => (pools ? snapshotTime(pools) : 0), [pools]);

  return (
    <main
      data-testid="wall"
      data-wake-lock={wakeLock}
      className="wall"
      aria-label={i18n.t('wall.label')}
    >
      <WallStatus
        now={now}
        freshness={freshness}
        demo={snapshot?.demo ?? false}
        dataUpdatedAt={query.dataUpdatedAt}
        snapshotAt={snapshotAt}
        next={next}
        paused={pausedUntil() > now}
        retrying={failuresInARow(questionOf(insuranceKeys.pools())) > 0}
      />
      {error ? (
        <ApiErrorAlert error={error} keptData={pools !== undefined} next={next} />
      ) : pools && value.indexError ? (
        <ValuationAlert error={value.indexError} keptFrom={value.indexFetchedAt} />
      ) : null}
      <WallAlerts policy={policy} />
      <ValuationWithPools pools={pools} refreshMs={policy.refreshMs}>
        {pools && pools.length > 0 ? <WallHeadline pools={pools} /> : null}
        <h2 className="sr-only">{i18n.t('wall.pools')}</h2>
        <ErrorBoundary name="wall">
          {pools === undefined ? (
            <p className="wall-message">{query.isPending ? i18n.t('app.loading') : null}</p>
          ) : pools.length === 0 ? (
            <Alert tone="warning">{i18n.t('wall.empty')}</Alert>
          ) : (
            <WallPages
              pools={pools}
              changes={changes}
              drops={drops}
              dropHoldMs={dropHoldMs}
              tick={Math.floor(now / PAGE_MS)}
            />
          )}
        </ErrorBoundary>
      </ValuationWithPools>
    </main>
  );
}
