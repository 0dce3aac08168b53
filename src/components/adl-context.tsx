import { createContext, useContext, useMemo, type ReactNode } from 'react';
import { useAdl } from '../api/adl';
import type { RefreshPolicy } from '../api/use-pools';
import { summarizeAdl, type AdlLevel, type AdlRating, type AdlSummary } from '../core/adl';

/**
 * The exchange's ADL risk ratings of the symbols on screen, provided once above the views
 * (dashboard or wall), as the dollar values are. Without a provider: no ratings, nothing shown.
 */
export interface AdlView {
  /** `undefined` while the ratings are not had (loading, or unavailable). */
  ratings: ReadonlyMap<string, AdlRating> | undefined;
  /** Since when the ratings could not be had; `undefined` while they can. */
  unavailableSince: number | undefined;
  /** A pool's members by rating; `undefined` without ratings. */
  summaryOf: (pool: { symbols: readonly string[] }) => AdlSummary | undefined;
}

const NONE: AdlView = {
  ratings: undefined,
  unavailableSince: undefined,
  summaryOf: () => undefined,
};

export const AdlContext = createContext<AdlView>(NONE);

export function useAdlContext(): AdlView {
  return useContext(AdlContext);
}

/** The view of a set of ratings: each pool's summary worked out once per member list. */
export function adlViewOf(
  ratings: ReadonlyMap<string, AdlRating> | undefined,
  unavailableSince: number | undefined,
): AdlView {
  if (!ratings) return { ...NONE, unavailableSince };
  const levels = new Map<string, AdlLevel>([...ratings].map(([s, r]) => [s, r.level]));
  const cache = new WeakMap<readonly string[], AdlSummary>();
  return {
    ratings,
    unavailableSince,
    summaryOf(pool) {
      let summary = cache.get(pool.symbols);
      if (!summary) cache.set(pool.symbols, (summary = summarizeAdl(pool.symbols, levels)));
      return summary;
    },
  };
}

/** Fetches the ratings on the view's period (at least a minute apart) and provides them. */
export function AdlProvider({ policy, children }: { policy: RefreshPolicy; children: ReactNode }) {
  const data = useAdl(policy);
  const value = useMemo(
    () => adlViewOf(data?.ratings, data?.unavailableSince),
    [data?.ratings, data?.unavailableSince],
  );
  return <AdlContext value={value}>{children}</AdlContext>;
}
