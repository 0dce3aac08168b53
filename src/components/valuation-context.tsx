import { createContext, useContext, type ReactNode } from 'react';
import { usePools, useValuation, type RefreshPolicy, type ValuationState } from '../api/use-pools';
import { DEFAULT_LOW_USD } from '../core/flags';
import { createValuation, type Valuation } from '../core/pool-figures';

/**
 * The dollar values and flags of the pools on screen, provided once above the views (dashboard
 * or wall). Parts of a card read it themselves, so a new asset index re-renders the value lines
 * and flags, not every balance. Without a provider: no index, no history, the default threshold.
 */
export const ValuationContext = createContext<Valuation>(
  createValuation({ lowUsd: DEFAULT_LOW_USD }),
);

const NONE: ValuationState = {
  valuation: createValuation({ lowUsd: DEFAULT_LOW_USD }),
  indexError: undefined,
  indexFetchedAt: undefined,
  historyMissing: false,
};

/** Why values or history are missing, for the view's alerts; kept apart so cards never re-render for it. */
const ValuationStateContext = createContext<ValuationState>(NONE);

export function useValuationContext(): Valuation {
  return useContext(ValuationContext);
}

export function useValuationState(): ValuationState {
  return useContext(ValuationStateContext);
}

/** Fetches the asset index and the history's overview on the view's period and provides both. */
export function ValuationProvider({
  policy,
  lowUsd,
  children,
}: {
  policy: RefreshPolicy;
  lowUsd: string;
  children: ReactNode;
}) {
  const state = useValuation(policy, lowUsd);
  return (
    <ValuationStateContext value={state}>
      <ValuationContext value={state.valuation}>{children}</ValuationContext>
    </ValuationStateContext>
  );
}

/**
 * What a view shows, from one hook: the pool list on the view's period (how fresh, what failed,
 * the next attempt) and, from the provider above the view, why values or history are missing.
 * The dollar values themselves reach the cards through ValuationContext, not through the view.
 */
export function usePoolView(policy: RefreshPolicy) {
  return { ...usePools(policy), values: useValuationState() };
}
