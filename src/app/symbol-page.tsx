import type { RefreshPolicy } from '../api/refresh-timing';
import type { Pool } from '../core/pool-schema';
import { SymbolAdl } from '../components/adl-symbol';
import { ErrorBoundary } from '../components/error-boundary';
import { PoolEvents } from '../features/history/pool-events';
import { PoolHistory } from '../features/history/pool-history';
import { SymbolView } from '../features/search/symbol-view';
import type { UrlState } from '../lib/url-state';
import type { Navigate } from '../lib/use-url-state';

interface SymbolPageProps {
  url: UrlState & { symbol: NonNullable<UrlState['symbol']> };
  pools: readonly Pool[] | undefined;
  listFailed: boolean;
  known: readonly string[];
  policy: RefreshPolicy;
  demo: boolean;
  /** Whether a pool of the list holds the symbol; `undefined` until the list is in. */
  listed: boolean | undefined;
  navigate: Navigate;
}

/**
 * What `?symbol=` opens instead of the overview: the symbol's pool first, then its history,
 * then its events, each in a boundary of its own so one failing leaves the others on screen.
 * A text that cannot be a symbol has no history to ask for; a symbol no pool lists shows its
 * history only where it has one (a delisted symbol's last pool).
 */
export function SymbolPage({
  url,
  pools,
  listFailed,
  known,
  policy,
  demo,
  listed,
  navigate,
}: SymbolPageProps) {
  const param = url.symbol;
  return (
    <>
      <ErrorBoundary name="symbol">
        <SymbolView
          param={param}
          pools={pools}
          listFailed={listFailed}
          known={known}
          policy={policy}
          navigate={navigate}
        />
      </ErrorBoundary>
      {param.valid ? (
        <>
          <ErrorBoundary name="adl">
            <SymbolAdl symbol={param.symbol} />
          </ErrorBoundary>
          <ErrorBoundary name="history">
            <PoolHistory
              symbol={param.symbol}
              range={url.range}
              rangeIgnored={url.rangeIgnored}
              scale={url.scaleGiven ? url.scale : 'linear'}
              policy={policy}
              demo={demo}
              unlisted={listed === false}
              navigate={navigate}
            />
          </ErrorBoundary>
          <ErrorBoundary name="events">
            <PoolEvents
              symbol={param.symbol}
              range={url.range}
              policy={policy}
              navigate={navigate}
            />
          </ErrorBoundary>
        </>
      ) : null}
    </>
  );
}
