import { createContext, useContext } from 'react';
import { DEFAULT_LOW_USD } from '../core/flags';
import { createValuation, type Valuation } from '../lib/valuation';

/**
 * The dollar values and flags of the pools on screen, provided once by the view (dashboard or
 * wall). Parts of a card read it themselves, so a new asset index re-renders the value lines and
 * flags, not every balance. Without a provider: no index, no history, the default threshold.
 */
export const ValuationContext = createContext<Valuation>(
  createValuation({ lowUsd: DEFAULT_LOW_USD }),
);

export function useValuationContext(): Valuation {
  return useContext(ValuationContext);
}
