import { memo, useMemo, useState } from 'react';
import type { RefreshPolicy } from '../../api/refresh-timing';
import { useSymbolPool } from '../../api/use-symbol-pool';
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
import { useIsClient } from '../../lib/render-seed';

interface SymbolViewProps {
  param: SymbolParam;
  /** Every pool of the overview: where the symbol's pool is found, and ranked; `undefined` until it arrives. */
  pools: readonly Pool[] | undefined;
  /** The pool list could not be had at all, so the endpoint is asked about the symbol itself. */
  listFailed: boolean;
  known: readonly string[];
  policy: RefreshPolicy;
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

/**
 * The heading says "Pool of X" only when X's pool is on screen; until then, or when X turns out
 * unlisted, the section has a neutral name for screen readers and nothing that pretends a pool
 * was found (no heading naming one, no link to copy).
 */
function Heading({ found, navigate }: { found: string | undefined; navigate: Navigate }) {
  const i18n = useI18n();
  const ready = useIsClient();
  return (
    <div className="flex flex-wrap items-center gap-3">
      <h2 id="symbol-heading" className={found ? 'text-xl font-semibold' : 'sr-only'}>
        {found ? i18n.t('search.heading', { symbol: found }) : i18n.t('search.result')}
      </h2>
      {found ? <CopyLinkButton /> : null}
      <button
        type="button"
        className="ml-auto rounded-md border border-[var(--border)] px-3 py-1 text-sm"
        disabled={!ready}
        onClick={() => navigate({ symbol: undefined }, 'push')}
      >
        {i18n.t('search.close')}
      </button>
    </div>
  );
}

function SymbolPool({
  symbol,
  pools,
  listFailed,
  known,
  policy,
  navigate,
}: SymbolViewProps & { symbol: string }) {
  const i18n = useI18n();
  const found = useSymbolPool(symbol, { pools, failed: listFailed }, policy);
  const { pool, error } = found;
  // The last pool found stays on screen while another symbol loads or turns out unknown.
  const [kept, setKept] = useState<{ symbol: string; pool: Pool }>();
  if (pool && (kept?.pool !== pool || kept.symbol !== symbol)) setKept({ symbol, pool });
  const previous = !pool && kept && kept.symbol !== symbol ? kept : undefined;

  return (
    <>
      <Heading found={pool ? symbol : undefined} navigate={navigate} />
      {error?.kind === 'invalid-symbol' ? (
        <UnknownSymbolAlert symbol={symbol} known={known} navigate={navigate} />
      ) : error ? (
        <ApiErrorAlert error={error} keptData={pool !== undefined} next={found.next} />
      ) : null}
      {found.pending && !error ? (
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
  return (
    <section aria-labelledby="symbol-heading" className="space-y-3">
      {param.valid ? (
        <SymbolPool {...props} symbol={param.symbol} />
      ) : (
        // Nothing is asked of the endpoint for a text that cannot be a symbol.
        <>
          <Heading found={undefined} navigate={navigate} />
          <Alert>{symbolProblem(i18n, param.raw)}</Alert>
        </>
      )}
    </section>
  );
}

export const SymbolView = memo(SymbolViewView);
