import { memo } from 'react';
import { Alert } from '../../components/alert';
import { changeKey } from '../../core/refresh-change';
import { formatExact, subtractDecimals } from '../../core/decimal';
import type { Pool } from '../../core/pool-schema';
import { poolName } from '../../core/pools';
import { formatDuration } from '../../lib/duration';
import { formatSignedPercent } from '../../lib/format-percent';
import { useI18n } from '../../lib/i18n/i18n';
import type { Mark } from './marks';

/** Named on the banner; the rest are counted. */
const NAMED = 3;

export interface WallDropsProps {
  pools: readonly Pool[];
  /** The drops held now, by `changeKey` (./marks `heldDrops`). */
  drops: ReadonlyMap<string, Mark>;
  /** How long a drop is held, for the banner's words. */
  holdMs: number;
  /** The page (from 0) each pool is shown on, by `poolKey`; none before the pages are laid out. */
  pageOf: (pool: Pool) => number | undefined;
  /** More than one page: then each drop names its page. */
  paged: boolean;
}

/**
 * Sharp drops stay in view whatever page is showing, for as long as `?hold=` says (an hour by
 * default), so a drop on another page, or one that a later snapshot followed, is not missed. Each
 * names its pool, the amount and share it fell, when, and the page its card is on, where the
 * card carries the same mark.
 */
export const WallDrops = memo(function WallDrops({
  pools,
  drops,
  holdMs,
  pageOf,
  paged,
}: WallDropsProps) {
  const i18n = useI18n();
  if (drops.size === 0) return null;
  const items: { key: string; pool: Pool; asset: string; mark: Mark }[] = [];
  for (const pool of pools)
    for (const balance of pool.assets) {
      const key = changeKey(pool, balance.asset);
      const mark = drops.get(key);
      if (mark) items.push({ key, pool, asset: balance.asset, mark });
    }
  if (items.length === 0) return null;
  // The latest first: that is the news.
  items.sort((a, b) => b.mark.at - a.mark.at);
  const rest = items.length - NAMED;
  const hold = formatDuration(holdMs, i18n.lang);
  return (
    <div data-testid="wall-drops" className="wall-drops">
      <Alert tone="warning">
        <strong>
          {i18n.t(items.length === 1 ? 'wall.drops.one' : 'wall.drops.other', {
            count: i18n.formatCount(items.length),
            hold,
          })}
        </strong>{' '}
        <ul className="wall-drop-list">
          {items.slice(0, NAMED).map(({ key, pool, asset, mark }) => {
            const amount = subtractDecimals(mark.to, mark.from);
            const page = pageOf(pool);
            return (
              <li
                key={key}
                data-testid="wall-drop"
                data-asset={asset}
                data-value={amount}
                data-page={page === undefined ? undefined : page + 1}
              >
                {i18n.t('wall.drop', {
                  name: poolName(pool),
                  amount: formatExact(amount, i18n.lang),
                  asset,
                  percent: formatSignedPercent(mark.move.rel, i18n.lang),
                  time: i18n.formatClock(mark.at),
                })}
                {paged && page !== undefined ? (
                  <span className="wall-drop-page">{` · ${i18n.t('wall.dropPage', { page: page + 1 })}`}</span>
                ) : null}
              </li>
            );
          })}
          {rest > 0 ? <li>{i18n.t('wall.dropsMore', { count: rest })}</li> : null}
        </ul>
      </Alert>
    </div>
  );
});
