import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { AdlProvider } from '../components/adl-context';
import { ErrorBoundary } from '../components/error-boundary';
import { ValuationProvider } from '../components/valuation-context';
import { useLoadedLang } from '../lib/i18n/catalogues';
import { detectLang, I18nProvider } from '../lib/i18n/i18n';
import { useRenderSeed } from '../lib/render-seed';
import { useUrlState } from '../lib/use-url-state';
import { Dashboard } from './dashboard';
import { MomentIgnoredNote } from '../features/moments/moment-ignored';
import { MomentPageView } from './moment-page-view';
import { DocumentMeta } from './document-meta';
import { createQueryClient } from './query-client';
import { useDocumentTheme } from './theme';
import { WallView } from './wall-view';

export function App({ client }: { client?: QueryClient }) {
  const [queryClient] = useState(() => client ?? createQueryClient());
  const [url, navigate] = useUrlState();
  const languages = useRenderSeed()?.languages ?? navigator.languages;
  const lang = useLoadedLang(url.lang ?? detectLang(languages));
  useDocumentTheme(url.theme, url.view);

  return (
    <QueryClientProvider client={queryClient}>
      <I18nProvider lang={lang}>
        {/* the document's language, title and description follow the view */}
        <DocumentMeta url={url} />
        <ErrorBoundary name="app">
          {/* dollar values and flags, on the view's own refresh period (a past moment has its own) */}
          <ValuationProvider
            policy={{
              refreshMs: (url.at === undefined || url.view === 'wall' ? url.refresh : 3600) * 1000,
              inBackground: url.view === 'wall',
            }}
            lowUsd={url.low}
          >
            {/* the exchange's ADL risk ratings, beside the funds */}
            <AdlProvider
              policy={{ refreshMs: url.refresh * 1000, inBackground: url.view === 'wall' }}
            >
              {url.view === 'wall' ? (
                <WallView url={url} />
              ) : url.at !== undefined && url.symbol === undefined ? (
                // ?at=: the overview as recorded at a past moment (features/moments)
                <MomentPageView url={url} at={url.at} navigate={navigate} />
              ) : (
                <>
                  {url.momentIgnored ? (
                    <div className="mx-auto max-w-[100rem] px-4 pt-4">
                      <MomentIgnoredNote url={url} />
                    </div>
                  ) : null}
                  <Dashboard url={url} navigate={navigate} />
                </>
              )}
            </AdlProvider>
          </ValuationProvider>
        </ErrorBoundary>
      </I18nProvider>
    </QueryClientProvider>
  );
}
