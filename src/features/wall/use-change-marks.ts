import { useMemo, useState } from 'react';
import type { Pool } from '../../core/pool-schema';
import type { Changes } from '../../core/changes';
import { activeChanges, advanceMarks, lastExpiry, type Marks } from './marks';

interface Seen {
  pools: readonly Pool[] | undefined;
  marks: Marks;
}

/**
 * Balances that moved since the previous refresh, as the pool card takes them. Only the previous
 * snapshot and one mark per balance on screen are kept, whatever the number of refreshes. The
 * result keeps its identity until a mark appears or runs out, so cards are not compared each second.
 */
export function useChangeMarks(
  pools: readonly Pool[] | undefined,
  arrivedAt: number,
  now: number,
): Changes {
  const [seen, setSeen] = useState<Seen>({ pools, marks: new Map() });
  let current = seen;
  if (pools !== seen.pools && pools !== undefined) {
    // A new snapshot: derive the marks while rendering it, so they show with the new figures.
    current = { pools, marks: advanceMarks(seen.marks, seen.pools, pools, arrivedAt) };
    setSeen(current);
  }
  const marks = current.marks;
  const horizon = lastExpiry(marks, now);
  return useMemo(() => activeChanges(marks, horizon), [marks, horizon]);
}
