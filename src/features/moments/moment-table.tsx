import { memo, useMemo, useRef } from 'react';
import { Balance } from '../../components/balance';
import { FlagChip } from '../../components/pool-flags';
import { lowHint, staleHint } from '../../components/flag-hints';
import { PoolValue } from '../../components/pool-value';
import { SIGN_NAMES, SignedFigure } from '../../components/signed-figure';
import { useValuationContext } from '../../components/valuation-context';
import { decimalSign, relativeChange, subtractDecimals } from '../../core/decimal';
import { staleFlag, staleRule } from '../../core/flags';
import type { MomentChange } from '../../core/moment-change';
import type { Pool } from '../../core/pool-schema';
import { assetsOf, leadingSymbols, poolKey, poolName } from '../../core/pools';
import { HeldFigureCells } from '../../components/held-figures';
import { useI18n } from '../../lib/i18n/i18n';
import { FULL_LIST } from '../../lib/near-screen';
import { useNearRows } from '../../lib/use-near-rows';
import { sortMomentPools, type MomentSort } from './moment-sort';

const MOMENT_SORTS: readonly MomentSort[] = ['value', 'balance', 'members', 'name', 'changeVs'];

/** Each balance's exact change from `vs`, or, for a regrouped pool, where its members were then. */
function ChangeCell({
  pool,
  change,
  vsTime,
}: {
  pool: Pool;
  change: MomentChange | undefined;
  vsTime: string;
}) {
  const i18n = useI18n();
  if (!change) return <td role="cell" className="cell-figures" />;
  if (change.regrouped)
    return (
      <td role="cell" className="cell-figures text-sm">
        {pool.assets.map((a) => (
          <span
            key={a.asset}
            data-testid="change"
            data-window="vs"
            data-asset={a.asset}
            data-regrouped="true"
          />
        ))}
        <p data-testid="moment-regrouped">
          {i18n.t('moment.regrouped', {
            time: vsTime,
            pools: change.from.map((m) => poolName({ symbols: [...m], assets: [] })).join('; '),
          })}
          {change.added.length > 0
            ? ` ${i18n.t('moment.regroupedNew', { symbols: change.added.join(', ') })}`
            : null}
        </p>
      </td>
    );
  return (
    <td role="cell" className="cell-figures">
      <ul className="asset-blocks">
        {pool.assets.map((a) => {
          const value = change.assets.get(a.asset);
          if (value === undefined)
            return (
              <li key={a.asset} className="asset-block text-sm text-[var(--muted)]">
                {`${a.asset}: ${i18n.t('moment.notHeld')}`}
              </li>
            );
          const sign = decimalSign(value);
          const before = subtractDecimals(a.marginBalance, value);
          return (
            <li key={a.asset} className="asset-block">
              <span
                data-testid="change"
                data-window="vs"
                data-asset={a.asset}
                data-value={value}
                data-sign={SIGN_NAMES[sign]}
                className="change"
              >
                <SignedFigure
                  value={value}
                  sign={sign}
                  rel={relativeChange(before, a.marginBalance)}
                />
                <span className="balance-asset">{` ${a.asset}`}</span>
              </span>
            </li>
          );
        })}
      </ul>
    </td>
  );
}

/** A pool's flags as they stood at the moment: Low by the moment's index, Stale by its age then. */
function MomentFlags({ pool, at }: { pool: Pool; at: number }) {
  const i18n = useI18n();
  const { low } = useValuationContext().flagsOf(pool);
  const stale = staleFlag(pool, staleRule(undefined), at);
  return (
    <>
      {low ? <FlagChip flag="low" hint={lowHint(low, i18n)} /> : null}
      {stale ? <FlagChip flag="stale" hint={staleHint(stale, i18n)} /> : null}
    </>
  );
}

interface RowProps {
  pool: Pool;
  at: number;
  change: MomentChange | undefined;
  vsTime: string | undefined;
  hrefOf: (symbol: string) => string;
  /**
   * The row is far from the screen in a list too long to keep every row's figures drawn (as the
   * live table does): it keeps its name, members and assets, and its figures come in as it nears.
   */
  held: boolean;
  /** The row's place in the list, by which the list knows which rows are near the screen. */
  place: number;
}

/** A held row's cells: the assets the pool holds, one line each as its balances take. */
function HeldCells({ pool, vs }: { pool: Pool; vs: boolean }) {
  return (
    <>
      <HeldFigureCells pool={pool} />
      {vs ? <td role="cell" className="cell-figures" /> : null}
    </>
  );
}

const MomentRow = memo(function MomentRow({
  pool,
  at,
  change,
  vsTime,
  hrefOf,
  held,
  place,
}: RowProps) {
  const i18n = useI18n();
  const lead = leadingSymbols(pool)[0] ?? pool.symbols[0] ?? '';
  return (
    <tr
      role="row"
      data-place={place}
      data-testid="pool"
      data-pool-key={poolKey(pool)}
      data-figures={held ? 'held' : undefined}
      aria-busy={held ? true : undefined}
      className="pool-table-row"
    >
      <th role="rowheader" scope="row" className="cell-pool">
        <h3 className="pool-row-name">
          <a href={hrefOf(lead)}>{poolName(pool)}</a>
        </h3>
        <p className="flex flex-wrap items-center gap-2 text-xs text-[var(--muted)]">
          <span>{i18n.plural('app.symbols', pool.symbols.length)}</span>
          {held ? null : <MomentFlags pool={pool} at={at} />}
        </p>
        <p className="font-mono text-xs break-words">{pool.symbols.join(' ')}</p>
      </th>
      {held ? (
        <HeldCells pool={pool} vs={vsTime !== undefined} />
      ) : (
        <>
          <td role="cell" className="cell-figures cell-value">
            <PoolValue pool={pool} />
          </td>
          <td role="cell" className="cell-figures cell-balances">
            <ul aria-label={i18n.t('pools.balances')} className="asset-blocks">
              {pool.assets.map((b) => (
                <li key={b.asset} className="asset-block">
                  <Balance balance={b} />
                </li>
              ))}
            </ul>
          </td>
          {vsTime !== undefined ? <ChangeCell pool={pool} change={change} vsTime={vsTime} /> : null}
        </>
      )}
    </tr>
  );
}, sameRow);

function sameAssets(a: Pool, b: Pool): boolean {
  return (
    a.assets.length === b.assets.length && a.assets.every((x, i) => x.asset === b.assets[i]?.asset)
  );
}

function sameRow(a: RowProps, b: RowProps) {
  if (
    a.held !== b.held ||
    a.place !== b.place ||
    a.hrefOf !== b.hrefOf ||
    (a.vsTime === undefined) !== (b.vsTime === undefined)
  )
    return false;
  // A held row shows only the pool's members and assets: another moment's figures do not draw it
  // again. Each moment's answer is a new list, so the members are compared by the pool's key.
  if (a.held) return poolKey(a.pool) === poolKey(b.pool) && sameAssets(a.pool, b.pool);
  return a.pool === b.pool && a.at === b.at && a.change === b.change && a.vsTime === b.vsTime;
}

/**
 * Every pool as it stood at the moment, sortable, with each balance's change since `vs` where
 * one is asked for. Values and flags come from the valuation above it (the moment's own index).
 */
export function MomentTable({
  pools,
  at,
  vs,
  changes,
  sort,
  dir,
  asset,
  onSort,
  hrefOf,
}: {
  pools: readonly Pool[];
  at: number;
  vs: number | undefined;
  changes: ReadonlyMap<string, MomentChange> | undefined;
  sort: MomentSort;
  dir: 'asc' | 'desc';
  asset: string | undefined;
  onSort: (sort: MomentSort, dir: 'asc' | 'desc') => void;
  hrefOf: (symbol: string) => string;
}) {
  const i18n = useI18n();
  const valuation = useValuationContext();
  const assets = useMemo(() => assetsOf(pools), [pools]);
  const byAsset =
    asset !== undefined && assets.includes(asset)
      ? asset
      : assets.includes('USDT')
        ? 'USDT'
        : (assets[0] ?? 'USDT');
  const sorted = useMemo(() => {
    const usdOf = valuation.index
      ? (p: Pool) => {
          const v = valuation.poolValue(p);
          return v && v.valued.length > 0 ? v.usd : undefined;
        }
      : undefined;
    return sortMomentPools(pools, { sort, dir, asset: byAsset, usdOf, changes });
  }, [pools, sort, dir, byAsset, valuation, changes]);
  const body = useRef<HTMLTableSectionElement>(null);
  const near = useNearRows(body, sorted.length > FULL_LIST, sorted.length);
  const vsTime = vs === undefined ? undefined : i18n.formatUtc(vs);
  const offered = MOMENT_SORTS.filter((s) => s !== 'changeVs' || vs !== undefined);
  const label = (s: MomentSort) =>
    s === 'changeVs' ? i18n.t('moment.sort.changeVs') : i18n.t(`pools.sort.${s}`);
  return (
    <section aria-labelledby="moment-pools" className="space-y-3">
      <div className="flex flex-wrap items-end gap-x-4 gap-y-2">
        <h2 id="moment-pools" className="text-xl font-semibold">
          {i18n.t('pools.heading')}
        </h2>
        <p role="status" className="text-sm text-[var(--muted)]">
          {i18n.plural('app.pools', pools.length)}
        </p>
        <label className="ml-auto flex items-center gap-2 text-sm">
          {i18n.t('pools.sortBy')}
          <select
            data-testid="moment-sort"
            value={sort}
            className="rounded-md border border-[var(--border)] bg-[var(--surface)] px-2 py-1"
            onChange={(e) => {
              const next = offered.find((s) => s === e.target.value) ?? 'value';
              onSort(next, next === 'name' || next === 'changeVs' ? 'asc' : 'desc');
            }}
          >
            {offered.map((s) => (
              <option key={s} value={s}>
                {label(s)}
              </option>
            ))}
          </select>
        </label>
        <label className="flex items-center gap-2 text-sm">
          {i18n.t('pools.order')}
          <select
            value={dir}
            className="rounded-md border border-[var(--border)] bg-[var(--surface)] px-2 py-1"
            onChange={(e) => onSort(sort, e.target.value === 'asc' ? 'asc' : 'desc')}
          >
            <option value="desc">{i18n.t('pools.dir.desc')}</option>
            <option value="asc">{i18n.t('pools.dir.asc')}</option>
          </select>
        </label>
      </div>
      <div role="region" aria-labelledby="moment-pools" tabIndex={0} className="pool-table-scroll">
        <table
          role="table"
          data-testid="pool-list"
          // The live table's grid, its columns those of a moment: pool, value, balances, change.
          className="pool-table min-w-[66em] [--pool-cols:minmax(13em,1fr)_12.5em_18em_18em]"
        >
          <thead role="rowgroup" className="pool-table-head">
            <tr role="row" className="pool-table-row">
              <th role="columnheader" scope="col">
                {i18n.t('pools.col.pool')}
              </th>
              <th role="columnheader" scope="col" className="cell-figures">
                {i18n.t('pools.col.value')}
              </th>
              <th role="columnheader" scope="col" className="cell-figures">
                {i18n.t('pools.col.balances')}
              </th>
              {vsTime !== undefined ? (
                <th role="columnheader" scope="col" className="cell-figures">
                  {i18n.t('moment.col.change', { time: vsTime })}
                </th>
              ) : null}
            </tr>
          </thead>
          <tbody ref={body} role="rowgroup">
            {/*
              Rows are keyed by place, as in the live table: another moment orders the pools
              otherwise, and each row shows the pool now at its place rather than moving.
            */}
            {sorted.map((pool, i) => (
              <MomentRow
                key={i}
                place={i}
                held={near !== undefined && !near.has(i)}
                pool={pool}
                at={at}
                change={changes?.get(poolKey(pool))}
                vsTime={vsTime}
                hrefOf={hrefOf}
              />
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
