import { memo, useId } from 'react';
import type { Pool } from '../core/pool-schema';
import { refreshChangeOf, samePoolChanges, type Changes } from '../core/refresh-change';
import type { ChangeWindow } from '../core/history';
import { useI18n } from '../lib/i18n/i18n';
import { poolName } from '../core/pools';
import { PoolAdlSummary } from './adl-summary';
import { Balance } from './balance';
import { ChangeMark } from './change-mark';
import type { MemberLines } from './member-fit';
import { MemberList } from './member-list';
import { PoolAge } from './pool-age';
import { PoolFlagChips } from './pool-flags';
import { PoolAssetChanges, PoolSparkline } from './pool-card-history';
import { PoolValue } from './pool-value';

export interface PoolCardProps {
  pool: Pool;
  /** The clock for "x min ago" and the stale flag; the shared clock when omitted. */
  now?: number;
  /** Balances that moved since the last refresh, keyed by lib/changes `changeKey`. */
  changes?: Changes;
  highlightSymbol?: string;
  /** The search box's text: the part of each member containing it is marked. */
  match?: string;
  /** The lines the member list may take (the wall); the whole list when omitted. */
  memberSpace?: MemberLines;
  /** Overrides the Stale rule learned from the history (core/flags `staleRule`). */
  staleAfterMs?: number;
  /** `pool` in the overview and on the wall; the symbol view marks its one pool `symbol-pool`. */
  testId?: string;
  /** The windows over which each balance's change is given (the wall: 24 h); all three when omitted. */
  windows?: readonly ChangeWindow[];
}

/**
 * A name costs a sort of the members. A refresh keeps an unchanged member list as the same array
 * (structural sharing), so it is worked out once per list, not once per refresh.
 */
const names = new WeakMap<readonly string[], string>();
function nameOf(pool: Pool): string {
  let name = names.get(pool.symbols);
  if (name === undefined) names.set(pool.symbols, (name = poolName(pool)));
  return name;
}

/** The card's title line, with the pool's Low and Drawn down flags. */
const CardHeader = memo(function CardHeader({
  titleId,
  name,
  pool,
}: {
  titleId: string;
  name: string;
  pool: Pool;
}) {
  const i18n = useI18n();
  return (
    <header className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
      <h3 id={titleId} className="text-[1.125em] font-semibold">
        {name}
      </h3>
      <span className="text-[0.875em] text-[var(--muted)]">
        {i18n.plural('app.symbols', pool.symbols.length)}
      </span>
      <PoolFlagChips pool={pool} />
    </header>
  );
});

function PoolCardView({
  pool,
  now,
  changes,
  highlightSymbol,
  match,
  memberSpace,
  staleAfterMs,
  testId = 'pool',
  windows,
}: PoolCardProps) {
  const i18n = useI18n();
  const titleId = useId();
  return (
    <article
      data-testid={testId}
      aria-labelledby={titleId}
      className="pool-card rounded-lg border bg-[var(--surface)] p-[1em] text-[1em]"
    >
      <CardHeader titleId={titleId} name={nameOf(pool)} pool={pool} />
      <div className="pool-card-value">
        <PoolValue pool={pool} />
        <PoolSparkline pool={pool} />
      </div>
      <ul aria-label={i18n.t('pools.balances')} className="balance-lines">
        {pool.assets.map((balance) => {
          const move = refreshChangeOf(pool, balance.asset, changes);
          return (
            <li key={balance.asset} className="balance-item">
              <div className="balance-line">
                <Balance balance={balance} change={move?.change} />
                {move ? <ChangeMark move={move} /> : null}
              </div>
              <PoolAssetChanges pool={pool} asset={balance.asset} windows={windows} />
            </li>
          );
        })}
      </ul>
      <PoolAge pool={pool} now={now} staleAfterMs={staleAfterMs} />
      <PoolAdlSummary pool={pool} mark />
      <MemberList
        symbols={pool.symbols}
        highlight={highlightSymbol}
        match={match}
        space={memberSpace}
      />
    </article>
  );
}

function sameProps(a: PoolCardProps, b: PoolCardProps): boolean {
  if (
    a.pool !== b.pool ||
    a.now !== b.now ||
    a.highlightSymbol !== b.highlightSymbol ||
    a.match !== b.match ||
    a.memberSpace !== b.memberSpace ||
    a.staleAfterMs !== b.staleAfterMs ||
    a.testId !== b.testId ||
    a.windows !== b.windows
  )
    return false;
  return samePoolChanges(a.pool, a.changes, b.changes);
}

/**
 * One insurance pool: its name, members, exact balances with their changes over 1 h, 24 h and 7 d
 * and a 24 h sparkline (from the recorded history), estimated dollar value and snapshot age, with
 * its Low, Drawn down and Stale flags (core/flags). Sizes are in `em`, so a container scales the whole card.
 * Re-renders only when its own pool, highlight or balance changes differ.
 */
export const PoolCard = memo(PoolCardView, sameProps);
