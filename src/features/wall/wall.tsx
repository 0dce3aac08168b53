import { useMemo, type ComponentProps } from 'react';
import { failuresInARow, questionOf } from '../../api/attempts';
import { pausedUntil } from '../../api/api-client';
import { insuranceKeys } from '../../api/queries';
import { useAlerts } from '../../api/alerts';
import { refreshPolicy } from '../../api/refresh-timing';
import { Alert } from '../../components/alert';
import { ApiErrorAlert } from '../../components/api-error-alert';
import { ErrorBoundary } from '../../components/error-boundary';
import { ValuationWithPools } from '../../components/follow-pools';
import { ValuationAlert } from '../../components/valuation-alert';
import { usePoolView, useValuationContext } from '../../components/valuation-context';
import type { Pool } from '../../core/pool-schema';
import type { Valuation } from '../../core/pool-figures';
import { useI18n } from '../../lib/i18n/i18n';
import { poolKey, snapshotTime } from '../../core/pools';
import type { UrlState } from '../../lib/url-state';
import { useChangeMarks } from './use-change-marks';
import { WallAlerts } from './wall-alerts';
import { useWakeLock } from './use-wake-lock';
import { WallHeadline } from './wall-headline';
import { WallPages } from './wall-pages';
import { WallStatus } from './wall-status';
import { alertedSymbols, attentionOrder } from './wall-order';

/** Orders pools as the overview does for a `sort=` (features/pools, handed over by the app). */
export type SortPools = (
  pools: readonly Pool[],
  order: {
    sort: UrlState['sort'];
    asset: string;
    dir: UrlState['dir'];
    usdOf?: (pool: Pool) => string | undefined;
    changeOf?: Valuation['changeOf'];
  },
) => Pool[];

export interface WallProps {
  url: UrlState;
  /** The overview's order, for a link that names one; the wall's own (./wall-order) otherwise. */
  sortPools?: SortPools;
}

/** How long each page of pools stays on screen. */
export const PAGE_MS = 15_000;

/**
 * The monitoring wall: the dashboard's own pieces composed for a screen read from across a room,
 * running unattended. A headline row (what all pools are worth, its change over 24 h, the biggest
 * fall), sharp drops held on a banner for `?hold=` minutes, then the pools a page at a time, each
 * with its change over 24 h and sparkline. It refreshes whether or not its tab shows, and nothing on it takes input.
 */
export function Wall({ url, sortPools }: WallProps) {
  const i18n = useI18n();
  const policy = useMemo(() => refreshPolicy('wall', url.refresh), [url.refresh]);
  const { snapshot, freshness, error, query, now, next, values: value } = usePoolView(policy);
  const wakeLock = useWakeLock();
  const pools = snapshot?.data;
  const dropHoldMs = url.hold * 60_000;
  const { changes, drops } = useChangeMarks(pools, query.dataUpdatedAt, now, dropHoldMs);
  const snapshotAt = useMemo(() => (pools ? snapshotTime(pools) : 0), [pools]);
  // The same query as the banner's (WallAlerts): pools with an alert firing come first.
  const { data: alerts } = useAlerts(policy);
  const alerted = useMemo(() => alertedSymbols(alerts?.active), [alerts]);

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
            <OrderedPages
              url={url}
              sortPools={sortPools}
              pools={pools}
              alerted={alerted}
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

/**
 * The pages in the wall's order: what needs attention first, then the largest pools; or the
 * overview's order when the link names one (`sort=`, `dir=`, `asset=`).
 */
function OrderedPages({
  url,
  sortPools,
  pools,
  alerted,
  ...rest
}: ComponentProps<typeof WallPages> & {
  url: UrlState;
  sortPools: SortPools | undefined;
  /** Symbols of the pools with an active alert (./wall-order `alertedSymbols`). */
  alerted: ReadonlySet<string>;
}) {
  const valuation = useValuationContext();
  const ordered = useMemo(() => {
    const usdOf = (pool: Pool) => {
      const value = valuation.poolValue(pool);
      return value && value.valued.length > 0 ? value.usd : undefined;
    };
    if (url.sortGiven && sortPools) {
      const asset = url.asset ?? 'USDT';
      return sortPools(pools, {
        sort: url.sort,
        asset,
        dir: url.dir,
        ...(valuation.index ? { usdOf } : {}),
        changeOf: valuation.changeOf,
      });
    }
    return attentionOrder(pools, {
      keyOf: poolKey,
      flagged: (pool) =>
        valuation.flagsOf(pool).drawnDown !== undefined || pool.symbols.some((s) => alerted.has(s)),
      low: (pool) => valuation.flagsOf(pool).low !== undefined,
      fall: (pool) => valuation.changeOf(pool, '24h')?.rel,
      usd: (pool) => (valuation.index ? usdOf(pool) : pool.assets[0]?.marginBalance),
      drops: rest.drops,
    });
  }, [
    url.sortGiven,
    url.sort,
    url.asset,
    url.dir,
    sortPools,
    pools,
    valuation,
    rest.drops,
    alerted,
  ]);
  return <WallPages pools={ordered} {...rest} />;
}
