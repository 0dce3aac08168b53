import { useEffect, useRef, useState, type ReactNode } from 'react';
import type { Pool } from '../core/pool-schema';
import type { Valuation } from '../core/pool-figures';
import { ValuationContext, useValuationContext } from './valuation-context';

/** Longest a new asset index or history overview waits for the pool list before it is shown anyway. */
export const MAX_HOLD_MS = 10_000;

interface Held {
  pools: readonly Pool[] | undefined;
  valuation: Valuation;
}

/**
 * Whether the new valuation changes what can be shown at all, not only the figures: a first index
 * or history, one lost, or another Low threshold. Those are shown at once.
 */
function changesWhatIsShown(shown: Valuation, next: Valuation): boolean {
  return (
    shown.lowUsd !== next.lowUsd ||
    (shown.index === undefined) !== (next.index === undefined) ||
    (shown.history === undefined) !== (next.history === undefined)
  );
}

/**
 * The valuation that lands with the pool list. The pool list, the asset index and the history's
 * overview are asked for on the same period but answer at their own moments; shown as each
 * lands, every row would be drawn three times a refresh. A new index or overview is held until
 * the next pool list lands (or `maxHoldMs` passes without one) and all three are drawn together.
 */
export function useValuationWithPools(
  pools: readonly Pool[] | undefined,
  maxHoldMs: number,
): Valuation {
  const latest = useValuationContext();
  const [held, setHeld] = useState<Held>({ pools, valuation: latest });
  let shown = held.valuation;
  if (
    held.valuation !== latest &&
    (held.pools !== pools || changesWhatIsShown(held.valuation, latest))
  ) {
    setHeld({ pools, valuation: latest });
    shown = latest;
  } else if (held.pools !== pools) {
    setHeld({ pools, valuation: held.valuation });
  }
  const latestRef = useRef(latest);
  useEffect(() => {
    latestRef.current = latest;
  });
  const waiting = shown !== latest;
  useEffect(() => {
    if (!waiting) return undefined;
    const timer = setTimeout(
      () => setHeld((h) => ({ pools: h.pools, valuation: latestRef.current })),
      maxHoldMs,
    );
    return () => clearTimeout(timer);
  }, [waiting, maxHoldMs]);
  return shown;
}

/** Provides, below it, the valuation that lands with the pool list (useValuationWithPools). */
export function ValuationWithPools({
  pools,
  refreshMs,
  children,
}: {
  pools: readonly Pool[] | undefined;
  /** The view's refresh period: a held valuation waits at most this long (and MAX_HOLD_MS). */
  refreshMs: number;
  children: ReactNode;
}) {
  const valuation = useValuationWithPools(pools, Math.min(refreshMs, MAX_HOLD_MS));
  return <ValuationContext value={valuation}>{children}</ValuationContext>;
}
