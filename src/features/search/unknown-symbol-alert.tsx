import { useMemo } from 'react';
import { Alert } from '../../components/alert';
import { useI18n } from '../../lib/i18n/i18n';
import { withParams } from '../../lib/url-state';
import type { Navigate } from '../../lib/use-url-state';
import { nearMatches } from './near-matches';

interface UnknownSymbolAlertProps {
  symbol: string;
  known: readonly string[];
  navigate: Navigate;
}

/** The exchange does not list the symbol: say so, naming it, and offer the closest listed ones. */
export function UnknownSymbolAlert({ symbol, known, navigate }: UnknownSymbolAlertProps) {
  const { t } = useI18n();
  const near = useMemo(() => nearMatches(symbol, known), [symbol, known]);
  return (
    <Alert>
      <p>{t('error.invalidSymbol', { symbol })}</p>
      {near.length > 0 ? (
        <div className="mt-2 flex flex-wrap items-baseline gap-x-3 gap-y-1">
          <span>{t('search.nearMatches')}</span>
          <ul className="flex flex-wrap gap-x-3 gap-y-1">
            {near.map((s) => (
              <li key={s}>
                <a
                  data-testid="near-match"
                  href={withParams(window.location.search, { symbol: s })}
                  className="font-mono font-semibold underline"
                  onClick={(e) => {
                    if (e.metaKey || e.ctrlKey || e.shiftKey || e.button !== 0) return;
                    e.preventDefault();
                    navigate({ symbol: s }, 'push');
                  }}
                >
                  {s}
                </a>
              </li>
            ))}
          </ul>
        </div>
      ) : known.length > 0 ? (
        <p className="mt-2">{t('search.noNearMatches')}</p>
      ) : null}
    </Alert>
  );
}
