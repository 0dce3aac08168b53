import { useCallback, useEffect, useMemo } from 'react';
import { refreshPolicy } from '../api/refresh-timing';
import { AdlStatus } from '../components/adl-status';
import { ApiErrorAlert } from '../components/api-error-alert';
import { AppTitle } from '../components/app-title';
import { DemoBadge } from '../components/demo-badge';
import { ErrorBoundary } from '../components/error-boundary';
import { ValuationWithPools } from '../components/follow-pools';
import { FreshnessBadge } from '../components/freshness-badge';
import { ValuationAlert } from '../components/valuation-alert';
import { usePoolView } from '../components/valuation-context';
import { assetsOf, poolOfSymbol } from '../core/pools';
import { ChartsSection } from '../features/charts/charts-section';
import { PoolsOverview, sortAsset } from '../features/pools/pools-overview';
import { RecentEvents } from '../features/history/events-section';
import { PoolsSummary } from '../features/pools/pools-summary';
import { useBalanceChanges } from '../features/pools/use-balance-changes';
import { SearchBox } from '../features/search/search-box';
import { useKnownSymbols } from '../features/search/use-known-symbols';
import { SettingsBar } from '../features/settings/settings-bar';
import { useI18n } from '../lib/i18n/i18n';
import type { Navigate } from '../lib/use-url-state';
import type { UrlState } from '../lib/url-state';
import { AlertsSectionView, ExportPanelView, MomentEntryView } from './later-parts';
import { loadSymbolPage, SymbolPageView } from './symbol-page-view';
import { loadMomentPage } from './moment-page-view';

/**
 * The analyst's view: search, then either the overview — what answers first (the total, its
 * change over 24 h and the pools that fell most), every pool in a sortable table, the recent
 * events, the charts across pools and the export — or, for `?symbol=`, that symbol's pool, its
 * history and its events.
 */
export function Dashboard({ url, navigate }: { url: UrlState; navigate: Navigate }) {
  const i18n = useI18n();
  const policy = useMemo(() => refreshPolicy('dashboard', url.refresh), [url.refresh]);
  const { snapshot, freshness, error, query, next, values: value } = usePoolView(policy);
  const pools = snapshot?.data;
  const changes = useBalanceChanges(pools);
  const known = useKnownSymbols(pools);
  const current = url.symbol?.valid ? url.symbol.symbol : url.symbol?.raw;
  // `?symbol=` of a listed symbol shows its pool, history and events instead of the overview; a
  // text that cannot be a symbol, or one no pool lists, keeps the overview below what it says.
  const listed =
    url.symbol?.valid && pools ? poolOfSymbol(pools, url.symbol.symbol) !== undefined : undefined;
  const overview = url.symbol === undefined || !url.symbol.valid || listed === false;
  // Typing narrows the list in this history entry; a search opens a symbol as a new one, after
  // giving this entry back the filter it had before the search was typed, so Back returns to
  // the view as it was.
  const search = useCallback(
    (symbol: string, filterBefore: string) => {
      if (filterBefore !== url.filter) navigate({ filter: filterBefore || undefined }, 'replace');
      navigate({ symbol, filter: undefined }, symbol === current ? 'replace' : 'push');
    },
    [navigate, current, url.filter],
  );
  // The symbol view's code comes once the overview is painted, ready for the first search; a
  // past moment's, ready for the moment entry.
  useEffect(() => void Promise.all([loadSymbolPage(), loadMomentPage()]), []);
  const filterBy = useCallback(
    (filter: string) => navigate({ filter: filter || undefined }, 'replace'),
    [navigate],
  );

  return (
    <div className="mx-auto max-w-[100rem] px-4 py-6">
      <header className="flex flex-wrap items-center gap-4 border-b border-[var(--border)] pb-4">
        <AppTitle />
        {snapshot?.demo ? <DemoBadge /> : null}
        <FreshnessBadge
          state={freshness}
          lastSuccess={query.dataUpdatedAt}
          className="ml-auto text-sm"
        />
        {/* settings: language and theme */}
        <ErrorBoundary name="settings">
          <SettingsBar lang={i18n.lang} theme={url.theme} navigate={navigate} />
        </ErrorBoundary>
      </header>
      {/* the dollar values and the history's figures land with the pool list, drawn once a refresh */}
      <ValuationWithPools pools={pools} refreshMs={policy.refreshMs}>
        <main className="mt-6 space-y-6">
          {/* search */}
          <ErrorBoundary name="search">
            <SearchBox
              symbols={known}
              current={current}
              filter={url.filter}
              onSearch={search}
              onFilter={filterBy}
            />
          </ErrorBoundary>
          {error ? (
            <ApiErrorAlert error={error} keptData={pools !== undefined} next={next} />
          ) : pools && value.indexError ? (
            <ValuationAlert
              error={value.indexError}
              keptFrom={value.indexFetchedAt}
              sortedBy={url.sort === 'value' ? sortAsset(assetsOf(pools), url.asset) : undefined}
            />
          ) : null}
          <AdlStatus />
          {/* symbol view: the pool, its history and its events, in place of the overview */}
          {url.symbol ? (
            <SymbolPageView
              fallback={
                <p role="status" className="text-[var(--muted)]">
                  {i18n.t('app.loading')}
                </p>
              }
              url={{ ...url, symbol: url.symbol }}
              pools={pools}
              listFailed={pools === undefined && error !== undefined}
              known={known}
              policy={policy}
              demo={snapshot?.demo ?? false}
              listed={listed}
              navigate={navigate}
            />
          ) : null}
          {overview && snapshot ? (
            <ErrorBoundary name="summary">
              <PoolsSummary
                navigate={navigate}
                pools={snapshot.data}
                fetchedAt={snapshot.fetchedAt}
                historyMissing={value.historyMissing}
              />
            </ErrorBoundary>
          ) : overview && query.isPending ? (
            <p role="status" className="text-[var(--muted)]">
              {i18n.t('app.loading')}
            </p>
          ) : null}
          {/* pools */}
          {overview && pools ? (
            <ErrorBoundary name="pools">
              <PoolsOverview
                pools={pools}
                changes={changes}
                sort={url.sort}
                asset={url.asset}
                dir={url.dir}
                filter={url.filter}
                navigate={navigate}
              />
            </ErrorBoundary>
          ) : null}
          {/* events: moves between pools, pools that appeared or went, falls within an hour */}
          {overview ? (
            <ErrorBoundary name="events">
              <RecentEvents policy={policy} navigate={navigate} />
            </ErrorBoundary>
          ) : null}
          {/* a past moment: the overview as recorded then (features/moments) */}
          {overview ? (
            <ErrorBoundary name="moments">
              <MomentEntryView navigate={navigate} />
            </ErrorBoundary>
          ) : null}
          {overview ? (
            <ErrorBoundary name="alerts">
              <AlertsSectionView policy={policy} />
            </ErrorBoundary>
          ) : null}
          {/* charts: every pool's balance, across pools, below the table */}
          <ErrorBoundary name="charts">
            <ChartsSection pools={overview ? pools : undefined} />
          </ErrorBoundary>
          {/* export */}
          {overview ? (
            <ErrorBoundary name="export">
              <ExportPanelView snapshot={snapshot} />
            </ErrorBoundary>
          ) : null}
        </main>
      </ValuationWithPools>
    </div>
  );
}
