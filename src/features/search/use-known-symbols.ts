import { useMemo, useState } from 'react';
import type { Pool } from '../../core/pool-schema';

const NONE: readonly string[] = [];

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((s, i) => s === b[i]);
}

/**
 * Every member symbol of the snapshot, as one list that keeps its identity while the symbols
 * stay the same: a refresh that only moves balances does not rebuild the search index.
 */
export function useKnownSymbols(pools: readonly Pool[] | undefined): readonly string[] {
  const next = useMemo(() => (pools ? pools.flatMap((p) => p.symbols) : NONE), [pools]);
  const [kept, setKept] = useState(next);
  const same = useMemo(() => kept === next || sameList(kept, next), [kept, next]);
  if (!same) setKept(next);
  return same ? kept : next;
}
