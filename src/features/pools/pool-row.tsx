import { memo } from 'react';
import { Balance } from '../../components/balance';
import { ChangeFigure } from '../../components/change-figure';
import { ChangeMark } from '../../components/change-mark';
import { PoolAge } from '../../components/pool-age';
import { changeOf } from '../../components/pool-card';
import { PoolFlagChips } from '../../components/pool-flags';
import { PoolSparkline, usePoolHistory } from '../../components/pool-history';
import { PoolValue } from '../../components/pool-value';
import { sameMove, type Changes } from '../../core/changes';
import type { ChangeWindow } from '../../core/history';
import type { Pool } from '../../core/pool-schema';
import { leadingSymbols } from '../../core/pools';
import { windowChange } from '../../core/window-change';
import { useI18n } from '../../lib/i18n/i18n';
import { followPoolLink, poolHref } from '../../lib/pool-link';
import type { Navigate } from '../../lib/use-url-state';
import { PoolUsdChange } from './pool-usd-change';
import { RowMembers } from './row-members';
import { cachedKey, cachedName } from './sort-pools';
import { CHANGE_COLUMNS } from './table-columns';

export interface PoolRowProps {
  pool: Pool;
  /** Balances that moved since the last refresh. */
  changes: Changes;
  /** The search box's text, marked in the members. */
  match: string;
  /** The window whose change the value column gives in dollars. */
  focus: ChangeWindow;
  navigate: Navigate;
}

/** One window's change of each balance, line by line beside the balances; empty while no history is had. */
const ChangeCell = memo(function ChangeCell({
  pool,
  window,
}: {
  pool: Pool;
  window: ChangeWindow;
}) {
  const history = usePoolHistory(pool);
  return (
    <td role="cell" className="cell-figures cell-change" data-column={window}>
      {history === undefined ? null : (
        <ul className="asset-blocks">
          {pool.assets.map((a) => (
            <li key={a.asset} className="asset-block">
              <ChangeFigure
                change={windowChange(history ?? undefined, a.asset, window)}
                window={window}
                asset={a.asset}
              />
            </li>
          ))}
        </ul>
      )}
    </td>
  );
});

function PoolRowView({ pool, changes, match, focus, navigate }: PoolRowProps) {
  const i18n = useI18n();
  const lead = leadingSymbols(pool)[0] ?? pool.symbols[0] ?? '';
  return (
    <tr role="row" data-testid="pool" data-pool-key={cachedKey(pool)} className="pool-table-row">
      <th role="rowheader" scope="row" className="cell-pool">
        <h3 className="pool-row-name">
          <a
            href={poolHref(lead)}
            title={i18n.t('overview.openPool', { symbol: lead })}
            onClick={(e) => followPoolLink(e, lead, navigate)}
          >
            {cachedName(pool)}
          </a>
        </h3>
        <RowMembers
          key={cachedKey(pool)}
          symbols={pool.symbols}
          match={match}
          meta={
            <>
              <span>{i18n.plural('app.symbols', pool.symbols.length)}</span>
              <PoolFlagChips pool={pool} />
            </>
          }
        />
        <PoolAge pool={pool} />
      </th>
      <td role="cell" className="cell-figures cell-value" data-column="value">
        <PoolValue pool={pool} />
        <PoolUsdChange pool={pool} window={focus} />
      </td>
      <td role="cell" className="cell-figures cell-balances" data-column="balances">
        <ul aria-label={i18n.t('pools.balances')} className="asset-blocks">
          {pool.assets.map((balance) => {
            const move = changeOf(pool, balance.asset, changes);
            return (
              <li key={balance.asset} className="asset-block">
                <Balance balance={balance} change={move?.change} />
                {move ? <ChangeMark move={move} /> : null}
              </li>
            );
          })}
        </ul>
      </td>
      {CHANGE_COLUMNS.map((c) => (
        <ChangeCell key={c.window} pool={pool} window={c.window} />
      ))}
      <td role="cell" className="cell-spark" data-column="spark">
        <PoolSparkline pool={pool} />
      </td>
    </tr>
  );
}

function sameRow(a: PoolRowProps, b: PoolRowProps): boolean {
  if (a.pool !== b.pool || a.match !== b.match || a.focus !== b.focus || a.navigate !== b.navigate)
    return false;
  if (a.changes === b.changes) return true;
  return a.pool.assets.every((x) =>
    sameMove(changeOf(a.pool, x.asset, a.changes), changeOf(b.pool, x.asset, b.changes)),
  );
}

/**
 * One pool as a row of the table: name (a link to its view), symbol count and flags, every member,
 * snapshot age; value and the change of it over the focused window; exact balances set on the
 * decimal point; each balance's change over 1 h, 24 h and 7 d; the last 24 h as a sparkline.
 * Re-renders only when its own pool or marks differ.
 */
export const PoolRow = memo(PoolRowView, sameRow);
