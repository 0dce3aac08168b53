import { memo } from 'react';
import { PoolAdlSummary } from '../../components/adl-summary';
import { Balance } from '../../components/balance';
import { ChangeFigure } from '../../components/change-figure';
import { ChangeMark } from '../../components/change-mark';
import { PoolAge } from '../../components/pool-age';
import { PoolFlagChips } from '../../components/pool-flags';
import { PoolSparkline, usePoolHistory } from '../../components/pool-card-history';
import { PoolValue } from '../../components/pool-value';
import { refreshChangeOf, samePoolChanges, type Changes } from '../../core/refresh-change';
import type { ChangeWindow } from '../../core/history';
import type { Pool } from '../../core/pool-schema';
import { windowChange } from '../../core/window-change';
import { HeldFigureCells } from '../../components/held-figures';
import { useI18n } from '../../lib/i18n/i18n';
import { followPoolLink, poolHref } from '../../lib/pool-link';
import type { Navigate } from '../../lib/use-url-state';
import { PoolUsdChange } from './pool-usd-change';
import { RowMembers } from './row-members';
import { cachedKey, cachedLead, cachedName } from './sort-pools';
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
  /**
   * The row is far from the screen in a list too long to keep every row's figures drawn: it
   * keeps its name and members, so the list can still be searched and read, and its figures come
   * in as it nears the screen.
   */
  held: boolean;
  /** The row's place in the list, by which the list knows which rows are near the screen. */
  place: number;
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

/** A row's figures: its value and the change of it, its balances, their changes, its sparkline. */
function RowFigures({ pool, changes, focus }: Pick<PoolRowProps, 'pool' | 'changes' | 'focus'>) {
  const i18n = useI18n();
  return (
    <>
      <td role="cell" className="cell-figures cell-value" data-column="value">
        <PoolValue pool={pool} />
        <PoolUsdChange pool={pool} window={focus} />
      </td>
      <td role="cell" className="cell-figures cell-balances" data-column="balances">
        <ul aria-label={i18n.t('pools.balances')} className="asset-blocks">
          {pool.assets.map((balance) => {
            const move = refreshChangeOf(pool, balance.asset, changes);
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
    </>
  );
}

/** The cells of a row far from the screen in a long list, the change and sparkline cells empty. */
const HeldFigures = memo(
  function HeldFigures({ pool }: { pool: Pool }) {
    return (
      <>
        <HeldFigureCells pool={pool} />
        {CHANGE_COLUMNS.map((c) => (
          <td
            key={c.window}
            role="cell"
            className="cell-figures cell-change"
            data-column={c.window}
          />
        ))}
        <td role="cell" className="cell-spark" data-column="spark" />
      </>
    );
  },
  (a, b) => sameAssets(a.pool, b.pool),
);

function PoolRowView({ pool, changes, match, focus, navigate, held, place }: PoolRowProps) {
  const i18n = useI18n();
  const full = !held;
  const lead = cachedLead(pool);
  const count = pool.symbols.length;
  const meta = (
    <>
      <span>{i18n.plural('app.symbols', count)}</span>
      {full ? <PoolFlagChips pool={pool} /> : null}
    </>
  );
  return (
    <tr
      role="row"
      data-place={place}
      data-testid="pool"
      data-pool-key={cachedKey(pool)}
      data-figures={full ? undefined : 'held'}
      aria-busy={full ? undefined : true}
      className="pool-table-row"
    >
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
        <RowMembers poolKey={cachedKey(pool)} symbols={pool.symbols} match={match} meta={meta} />
        <PoolAdlSummary pool={pool} />
        {full ? <PoolAge pool={pool} /> : null}
      </th>
      {full ? (
        <RowFigures pool={pool} changes={changes} focus={focus} />
      ) : (
        <HeldFigures pool={pool} />
      )}
    </tr>
  );
}

function sameAssets(a: Pool, b: Pool): boolean {
  return (
    a.assets.length === b.assets.length && a.assets.every((x, i) => x.asset === b.assets[i]?.asset)
  );
}

function sameRow(a: PoolRowProps, b: PoolRowProps): boolean {
  if (a.match !== b.match || a.navigate !== b.navigate || a.held !== b.held || a.place !== b.place)
    return false;
  // A held row shows only the pool's members and assets: new figures do not draw it again.
  if (a.held) return a.pool.symbols === b.pool.symbols && sameAssets(a.pool, b.pool);
  if (a.pool !== b.pool || a.focus !== b.focus) return false;
  return samePoolChanges(a.pool, a.changes, b.changes);
}

/**
 * One pool as a row of the table: name (a link to its view), symbol count and flags, every member,
 * snapshot age; value and the change of it over the focused window; exact balances set on the
 * decimal point; each balance's change over 1 h, 24 h and 7 d; the last 24 h as a sparkline.
 * Re-renders only when its own pool or marks differ.
 */
export const PoolRow = memo(PoolRowView, sameRow);
