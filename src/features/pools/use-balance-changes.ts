import { useEffect, useState } from 'react';
import type { Pool } from '../../core/pool-schema';
import { diffSnapshots, type Changes } from '../../core/refresh-change';

/** How long a changed balance stays marked after a refresh. */
export const MARK_MS = 4_000;
const NONE: Changes = new Map();

interface Seen {
  pools: readonly Pool[] | undefined;
  changes: Changes;
}

/**
 * The balances that moved with the latest refresh, marked for a few seconds. Only the previous
 * snapshot is kept, so memory does not grow with each refresh.
 */
export function useBalanceChanges(pools: readonly Pool[] | undefined): Changes {
  const [seen, setSeen] = useState<Seen>({ pools, changes: NONE });
  if (seen.pools !== pools) {
    const changes = seen.pools && pools ? diffSnapshots(seen.pools, pools) : NONE;
    setSeen({ pools, changes: changes.size > 0 ? changes : NONE });
  }
  const { changes } = seen;
  useEffect(() => {
    if (changes.size === 0) return undefined;
    const timer = setTimeout(
      () => setSeen((s) => (s.changes === changes ? { ...s, changes: NONE } : s)),
      MARK_MS,
    );
    return () => clearTimeout(timer);
  }, [changes]);
  return changes;
}
