import { leadingSymbol, poolName } from '../../core/pools';
import { followPoolLink, poolHref } from '../../lib/pool-link';
import type { Navigate } from '../../lib/use-url-state';

/**
 * A pool by its name, as a link to its view through one of its members (`?symbol=`): the
 * member given, or the one the pool is named after.
 */
export function PoolRef({
  symbols,
  via,
  navigate,
}: {
  symbols: readonly string[];
  via?: string;
  navigate: Navigate;
}) {
  const pool = { symbols: [...symbols], assets: [] };
  const name = poolName(pool);
  const symbol = via ?? leadingSymbol(pool);
  if (symbol === undefined) return <span>{name}</span>;
  return (
    <a
      href={poolHref(symbol)}
      data-pool={[...symbols].sort().join(',')}
      className="font-semibold underline decoration-[var(--border)] underline-offset-2 hover:decoration-[var(--fg)]"
      onClick={(e) => followPoolLink(e, symbol, navigate)}
    >
      {name}
    </a>
  );
}

/** A symbol as a link to its pool's view. */
export function SymbolRef({ symbol, navigate }: { symbol: string; navigate: Navigate }) {
  return (
    <a
      href={poolHref(symbol)}
      className="font-mono font-semibold underline decoration-[var(--border)] underline-offset-2 hover:decoration-[var(--fg)]"
      onClick={(e) => followPoolLink(e, symbol, navigate)}
    >
      {symbol}
    </a>
  );
}
