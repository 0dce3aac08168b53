import { memo } from 'react';
import type { Pool } from '../../core/pool-schema';
import { Alert } from '../../components/alert';
import { changeKey, type Changes } from '../../core/changes';
import { useI18n } from '../../lib/i18n/i18n';
import { poolName } from '../../core/pools';

/** Named on the banner; the rest are counted. */
const NAMED = 3;

/**
 * Sharp drops stay in view whatever page is showing, so a drop on another page is not missed.
 */
export const WallDrops = memo(function WallDrops({
  pools,
  changes,
}: {
  pools: readonly Pool[];
  changes: Changes;
}) {
  const i18n = useI18n();
  let any = false;
  for (const move of changes.values()) if (move.change === 'drop') any = true;
  if (!any) return null;
  const drops: string[] = [];
  for (const pool of pools) {
    for (const balance of pool.assets) {
      if (changes.get(changeKey(pool, balance.asset))?.change === 'drop')
        drops.push(`${poolName(pool)} (${balance.asset})`);
    }
  }
  const rest = drops.length - NAMED;
  return (
    <div data-testid="wall-drops" className="wall-drops">
      <Alert tone="warning">
        <strong>{i18n.plural('wall.drops', drops.length)}</strong>{' '}
        {drops.slice(0, NAMED).join(', ')}
        {rest > 0 ? ` ${i18n.t('wall.dropsMore', { count: rest })}` : null}
      </Alert>
    </div>
  );
});
