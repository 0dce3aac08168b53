import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { Pool } from '../core/pool-schema';
import { poolOfSymbol } from '../core/pools';
import { toApiError, type ApiError } from './errors';
import { insuranceKeys, symbolPoolQueryOptions } from './queries';
import { nextAttemptOf, type NextAttempt, type RefreshPolicy } from './refresh-timing';

export interface PoolList {
  /** The pool list on screen (usePools), `undefined` until it arrives. */
  pools: readonly Pool[] | undefined;
  /** The list could not be had at all: no list, and its last attempt failed. */
  failed: boolean;
}

export interface SymbolPool {
  /** The pool covering the symbol; `undefined` while unknown. */
  pool: Pool | undefined;
  /** Where it came from: the pool list on screen, or the endpoint asked for this symbol. */
  source: 'list' | 'endpoint' | undefined;
  /** Still finding out: the list has not arrived, or the endpoint has not answered yet. */
  pending: boolean;
  error: ApiError | undefined;
  next: NextAttempt;
}

/**
 * A symbol's pool, from the one pool source. The pool list already holds every listed symbol's
 * pool, refreshed with it: no request is made for a symbol the list has. Only when the list has
 * arrived without the symbol (just listed, or unknown: the endpoint then says so) or cannot be
 * had at all is the endpoint asked about the symbol itself.
 */
export function useSymbolPool(symbol: string, list: PoolList, policy: RefreshPolicy): SymbolPool {
  const inList = useMemo(
    () => (list.pools ? poolOfSymbol(list.pools, symbol) : undefined),
    [list.pools, symbol],
  );
  const ask = inList === undefined && (list.pools !== undefined || list.failed);
  const query = useQuery(symbolPoolQueryOptions(symbol, policy, ask));
  const next = nextAttemptOf(query, insuranceKeys.symbol(symbol), policy);
  if (inList) return { pool: inList, source: 'list', pending: false, error: undefined, next };
  const asked = ask ? query : undefined;
  return {
    pool: asked?.data?.data,
    source: asked?.data ? 'endpoint' : undefined,
    pending: !ask || (asked?.isPending ?? true),
    error: asked?.error ? toApiError(asked.error) : undefined,
    next,
  };
}
