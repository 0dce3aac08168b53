import { memo } from 'react';
import type { Pool } from '../core/pool-schema';
import { snapshotTime } from '../core/pools';
import { SnapshotAge } from './pool-card-parts';
import { useValuationContext } from './valuation-context';

/** The age line changes with the snapshot's time and the pool's Stale rule, not with every balance. */
const AgeLine = memo(SnapshotAge);

/** A pool's snapshot time and age, with its Stale flag by the rule the history learned. */
export const PoolAge = memo(function PoolAge({
  pool,
  now,
  staleAfterMs,
}: {
  pool: Pool;
  now?: number | undefined;
  /** Overrides the learned rule (core/flags `staleRule`). */
  staleAfterMs?: number | undefined;
}) {
  const rule = useValuationContext().staleRuleOf(pool);
  return (
    <AgeLine
      time={snapshotTime([pool])}
      now={now}
      staleAfterMs={staleAfterMs ?? rule.afterMs}
      interval={staleAfterMs === undefined ? rule.interval : null}
    />
  );
});
