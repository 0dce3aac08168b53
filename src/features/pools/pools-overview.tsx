import { memo, useDeferredValue, useMemo, useRef } from 'react';
import type { Pool } from '../../core/pool-schema';
import { useAdlContext } from '../../components/adl-context';
import { Alert } from '../../components/alert';
import { useValuationContext } from '../../components/valuation-context';
import type { Changes } from '../../core/refresh-change';
import { useI18n } from '../../lib/i18n/i18n';
import { assetsOf } from '../../core/pools';
import type { Sort } from '../../lib/url-state';
import type { Navigate } from '../../lib/use-url-state';
import { filterPools } from './filter-pools';
import { PoolRow } from './pool-row';
import { PoolsToolbar } from './pools-toolbar';
import { sortPools, sortWindow } from './sort-pools';
import { TableHead } from './table-head';
import { FIRST_ROWS, useNearRows } from '../../lib/use-near-rows';
import { FULL_LIST } from '../../lib/near-screen';
import { useIsClient } from '../../lib/render-seed';

interface OverviewProps {
  pools: readonly Pool[];
  changes: Changes;
  sort: Sort;
  /** The asset named in the link, if any. */
  asset: string | undefined;
  dir: 'asc' | 'desc';
  filter: string;
  navigate: Navigate;
}

/** The link's asset when the snapshot holds it, else USDT, else the first asset seen. */
export function sortAsset(assets: readonly string[], wanted: string | undefined): string {
  if (wanted !== undefined && assets.includes(wanted)) return wanted;
  return assets.includes('USDT') ? 'USDT' : (assets[0] ?? 'USDT');
}

/**
 * The rows of a long list drawn with their figures while the server renders the page and while
 * the browser takes that markup over: those the browser's first look at the screen starts from
 * (FIRST_ROWS). Every other row is rendered as the browser holds it, with its name, members and
 * assets. Before, the server drew every figure of 600 pools (1.4 MB of markup) and the browser,
 * holding the far rows from its first render, found a different page and drew it all again.
 */
const FIRST_NEAR: ReadonlySet<number> = new Set(Array.from({ length: FIRST_ROWS }, (_, i) => i));

function OverviewView({ pools, changes, sort, asset, dir, filter, navigate }: OverviewProps) {
  const { t, formatCount } = useI18n();
  const assets = useMemo(() => assetsOf(pools), [pools]);
  const byAsset = sortAsset(assets, asset);
  const valuation = useValuationContext();
  const usdOf = useMemo(() => {
    if (!valuation.index) return undefined;
    return (pool: Pool) => {
      const value = valuation.poolValue(pool);
      return value && value.valued.length > 0 ? value.usd : undefined;
    };
  }, [valuation]);
  const changeOf = sortWindow(sort) ? valuation.changeOf : undefined;
  const adl = useAdlContext();
  const adlOf = sort === 'adl' && adl.ratings ? adl.summaryOf : undefined;
  const sorted = useMemo(
    () => sortPools(pools, { sort, asset: byAsset, dir, usdOf, changeOf, adlOf }),
    [pools, sort, byAsset, dir, usdOf, changeOf, adlOf],
  );
  const focus = sortWindow(sort) ?? '24h';
  // Typing stays instant: the list catches up with the filter a moment later if it must.
  const deferredFilter = useDeferredValue(filter);
  const shown = useMemo(() => filterPools(sorted, deferredFilter), [sorted, deferredFilter]);
  const body = useRef<HTMLTableSectionElement>(null);
  const long = shown.length > FULL_LIST;
  const watched = useNearRows(body, long, shown.length);
  const client = useIsClient();
  const near = client ? watched : long ? FIRST_NEAR : undefined;

  return (
    <section aria-labelledby="pools-heading" className="space-y-3">
      <div className="flex flex-wrap items-end gap-x-4 gap-y-2">
        <h2 id="pools-heading" className="text-xl font-semibold">
          {t('pools.heading')}
        </h2>
        <p role="status" className="text-sm text-[var(--muted)]">
          {t('pools.shown', { shown: formatCount(shown.length), total: formatCount(pools.length) })}
        </p>
        <div className="ml-auto">
          <PoolsToolbar sort={sort} asset={byAsset} assets={assets} dir={dir} navigate={navigate} />
        </div>
      </div>
      {pools.length === 0 ? (
        // Only ever shown when no pool was listed before: an empty list after a full one is
        // taken for a fault and the last good pools stay (api/queries.ts).
        <div data-testid="pools-empty">
          <Alert tone="warning">{t('pools.empty')}</Alert>
        </div>
      ) : shown.length === 0 ? (
        <p data-testid="pools-empty" className="flex flex-wrap items-center gap-3">
          {t('pools.noMatch', { filter: deferredFilter })}
          <button
            type="button"
            className="rounded-md border border-[var(--border)] px-2 py-1"
            disabled={!client}
            onClick={() => navigate({ filter: undefined }, 'replace')}
          >
            {t('pools.clearFilter')}
          </button>
        </p>
      ) : null}
      <p id="pools-sort-hint" className="sr-only">
        {t('pools.sortHint')}
      </p>
      <div role="region" aria-labelledby="pools-heading" tabIndex={0} className="pool-table-scroll">
        <table
          role="table"
          data-testid="pool-list"
          aria-labelledby="pools-heading"
          aria-describedby="pools-sort-hint"
          className="pool-table"
        >
          <caption className="sr-only">{t('pools.table')}</caption>
          <TableHead sort={sort} dir={dir} asset={byAsset} navigate={navigate} />
          <tbody ref={body} role="rowgroup">
            {/*
              Rows are keyed by place, not by pool: when a refresh reorders the pools, each row
              stays where it is and shows the pool now at its place. Moving rows instead made the
              browser take dozens of them out and put them back, style and all, on every refresh.
            */}
            {shown.map((pool, i) => (
              <PoolRow
                key={i}
                place={i}
                held={near !== undefined && !near.has(i)}
                pool={pool}
                changes={changes}
                match={deferredFilter}
                focus={focus}
                navigate={navigate}
              />
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

/** Every pool, sorted and narrowed as the link says; a refresh re-renders only the pools that changed. */
export const PoolsOverview = memo(OverviewView);
