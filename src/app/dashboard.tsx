import { usePools } from '../api/use-pools';
import { ApiErrorAlert } from '../components/api-error-alert';
import { DemoBadge } from '../components/demo-badge';
import { FreshnessBadge } from '../components/freshness-badge';
import { SettingsBar } from '../features/settings/settings-bar';
import { useI18n } from '../lib/i18n/i18n';
import type { Navigate } from '../lib/use-url-state';
import type { UrlState } from '../lib/url-state';

/** The analyst's view: search, the searched symbol's pool, the summary, charts and every pool. */
export function Dashboard({ url, navigate }: { url: UrlState; navigate: Navigate }) {
  const i18n = useI18n();
  const { snapshot, freshness, error, query } = usePools({
    refreshMs: url.refresh * 1000,
    inBackground: false,
  });
  const pools = snapshot?.data;
  const symbolCount = pools?.reduce((n, p) => n + p.symbols.length, 0) ?? 0;

  return (
    <div className="mx-auto max-w-7xl px-4 py-6">
      <header className="flex flex-wrap items-center gap-4 border-b border-[var(--border)] pb-4">
        <div>
          <h1 className="text-2xl font-semibold">{i18n.t('app.title')}</h1>
          <p className="text-sm text-[var(--muted)]">{i18n.t('app.subtitle')}</p>
        </div>
        {snapshot?.demo ? <DemoBadge /> : null}
        <FreshnessBadge
          state={freshness}
          lastSuccess={query.dataUpdatedAt}
          className="ml-auto text-sm"
        />
        {/* settings: language and theme */}
        <SettingsBar lang={i18n.lang} theme={url.theme} navigate={navigate} />
      </header>
      <main className="mt-6 space-y-6">
        {/* search */}
        {error ? <ApiErrorAlert error={error} keptData={pools !== undefined} /> : null}
        {/* symbol view */}
        {pools ? (
          <p data-testid="summary" className="text-lg tabular-nums">
            {i18n.plural('app.pools', pools.length)} · {i18n.plural('app.symbols', symbolCount)}
          </p>
        ) : query.isPending ? (
          <p className="text-[var(--muted)]">{i18n.t('app.loading')}</p>
        ) : null}
        {/* charts */}
        {/* pools */}
        {/* export */}
      </main>
    </div>
  );
}
