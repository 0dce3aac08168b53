import { useQuery } from '@tanstack/react-query';
import { memo, useMemo, useState } from 'react';
import { toApiError } from '../../api/errors';
import { symbolPoolQueryOptions } from '../../api/queries';
import type { Pool } from '../../core/pool-schema';
import { Alert } from '../../components/alert';
import { ApiErrorAlert } from '../../components/api-error-alert';
import { PoolCard } from '../../components/pool-card';
import { useI18n } from '../../lib/i18n/i18n';
import { rankByAsset } from '../../core/pools';
import type { SymbolParam } from '../../lib/url-state';
import type { Navigate } from '../../lib/use-url-state';
import { CopyLinkButton } from './copy-link-button';
import { rankText } from './rank-text';
import { symbolProblem } from './symbol-problem';
import { UnknownSymbolAlert } from './unknown-symbol-alert';

interface SymbolViewProps {
  param: SymbolParam;
  /** Every pool of the overview, to rank this one; `undefined` until it arrives. */
  pools: readonly Pool[] | undefined;
  known: readonly string[];
  refreshMs: number;
  navigate: Navigate;
}

function Ranks({ pool, pools }: { pool: Pool; pools: readonly Pool[] }) {
  const i18n = useI18n();
  const ranks = useMemo(
    () =>
      pool.assets.flatMap((a) => {
        const r = rankByAsset(pools, pool, a.asset);
        return r ? [{ asset: a.asset, ...r }] : [];
      }),
    [pool, pools],
  );
  return (
    <ul data-testid="symbol-rank" className="flex flex-wrap gap-x-6 text-sm font-semibold">
      {ranks.map((r) => (
        <li key={r.asset}>{rankText(i18n, r.rank, r.of, r.asset)}</li>
      ))}
    </ul>
  );
}

function SymbolPool({
  symbol,
  pools,
  known,
  refreshMs,
  navigate,
}: SymbolViewProps & { symbol: string }) {
  const i18n = useI18n();
  const query = useQuery(symbolPoolQueryOptions(symbol, { refreshMs, inBackground: false }));
  const pool = query.data?.data;
  // The last pool found stays on screen while another symbol loads or turns out unknown.
  const [kept, setKept] = useState<{ symbol: string; pool: Pool }>();
  if (pool && (kept?.pool !== pool || kept.symbol !== symbol)) setKept({ symbol, pool });
  const error = query.error ? toApiError(query.error) : undefined;
  const previous = !pool && kept && kept.symbol !== symbol ? kept : undefined;

  return (
    <>
      {error?.kind === 'invalid-symbol' ? (
        <UnknownSymbolAlert symbol={symbol} known={known} navigate={navigate} />
      ) : error ? (
        <ApiErrorAlert error={error} keptData={pool !== undefined} />
      ) : null}
      {query.isPending && !error ? (
        <p role="status" className="text-[var(--muted)]">
          {i18n.t('search.loading', { symbol })}
        </p>
      ) : null}
      {pool ? (
        <>
          {pools ? <Ranks pool={pool} pools={pools} /> : null}
          <PoolCard pool={pool} highlightSymbol={symbol} testId="symbol-pool" />
        </>
      ) : previous ? (
        <>
          <p className="text-sm text-[var(--muted)]">
            {i18n.t('search.keptPool', { symbol: previous.symbol })}
          </p>
          <PoolCard pool={previous.pool} highlightSymbol={previous.symbol} testId="previous-pool" />
        </>
      ) : null}
    </>
  );
}

/** The pool of the symbol in the link: highlighted, ranked, with a link to copy. */
function SymbolViewView(props: SymbolViewProps) {
  const i18n = useI18n();
  const { param, navigate } = props;
  const shown = param.valid ? param.symbol : undefined;
  return (
    <section aria-labelledby="symbol-heading" className="space-y-3">
      <div className="flex flex-wrap items-center gap-3">
        <h2 id="symbol-heading" className="text-xl font-semibold">
          {shown ? i18n.t('search.heading', { symbol: shown }) : i18n.t('search.label')}
        </h2>
        {shown ? <CopyLinkButton /> : null}
        <button
          type="button"
          className="ml-auto rounded-md border border-[var(--border)] px-3 py-1 text-sm"
          onClick={() => navigate({ symbol: undefined }, 'push')}
        >
          {i18n.t('search.close')}
        </button>
      </div>
      {param.valid ? (
        <SymbolPool {...props} symbol={param.symbol} />
      ) : (
        // Nothing is asked of the endpoint for a text that cannot be a symbol.
        <Alert>{symbolProblem(i18n, param.raw)}</Alert>
      )}
    </section>
  );
}

export const SymbolView = memo(SymbolViewView);
