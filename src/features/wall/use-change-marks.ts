import { useMemo, useState } from 'react';
import type { Pool } from '../../core/pool-schema';
import type { Changes } from '../../core/refresh-change';
import {
  activeChanges,
  advanceMarks,
  heldDrops,
  lastExpiry,
  type Mark,
  type Marks,
  type MarkTimes,
} from './marks';

interface Seen {
  pools: readonly Pool[] | undefined;
  marks: Marks;
}

export interface WallMarks {
  /** Balances that moved, as the pool card takes them. */
  changes: Changes;
  /** The sharp drops held now, by `changeKey`, for the banner. */
  drops: ReadonlyMap<string, Mark>;
}

/**
 * Balances that moved since the previous refresh, and the sharp drops held for `dropHoldMs`
 * (`?hold=`) whatever snapshots follow. Only the previous snapshot and one mark per balance on
 * screen are kept, whatever the number of refreshes. The result keeps its identity until a mark
 * appears or runs out, so cards are not compared each second.
 */
export function useChangeMarks(
  pools: readonly Pool[] | undefined,
  arrivedAt: number,
  now: number,
  dropHoldMs: number,
): WallMarks {
  const [seen, setSeen] = useState<Seen>({ pools, marks: new Map() });
  const times: MarkTimes = useMemo(() => ({ dropHoldMs }), [dropHoldMs]);
  let current = seen;
  if (pools !== seen.pools && pools !== undefined) {
    // A new snapshot: derive the marks while rendering it, so they show with the new figures.
    current = { pools, marks: advanceMarks(seen.marks, seen.pools, pools, arrivedAt, times) };
    setSeen(current);
  }
  const marks = current.marks;
  const horizon = lastExpiry(marks, now, times);
  return useMemo(
    () => ({
      changes: activeChanges(marks, horizon, times),
      drops: heldDrops(marks, horizon, times),
    }),
    [marks, horizon, times],
  );
}
