import type { Snapshot } from '../../api/insurance-balance';
import { summarizeAdl, toEntry } from '../../core/adl';
import type { Pool } from '../../core/pool-schema';
import { poolKey, poolName } from '../../core/pools';
import { isoUtc } from '../../lib/iso-time';
import type { Ratings } from './snapshot-csv';
import { exportTime } from './snapshot-time';

/**
 * The snapshot as the upstream sent it, each pool keyed as in the CSV (its sorted members) and
 * named as on screen, each time also in ISO 8601 UTC. Balances stay strings, so no reader turns
 * them into floats. With `ratings`, each pool has `adl` (its members by ADL risk rating) and the
 * file `adlRatings`, every rating in the exchange's own shape.
 */
export function snapshotJson(
  { data, demo, fetchedAt }: Snapshot<Pool[]>,
  ratings?: Ratings,
): string {
  const levels = ratings && new Map([...ratings].map(([s, r]) => [s, r.level]));
  const body = {
    source: demo ? 'demo' : 'exchange',
    snapshotTime: isoUtc(exportTime(data, fetchedAt)),
    pools: data.map((pool) => ({
      key: poolKey(pool),
      name: poolName(pool),
      symbols: pool.symbols,
      assets: pool.assets.map((a) => ({
        asset: a.asset,
        marginBalance: a.marginBalance,
        updateTime: isoUtc(a.updateTime),
        updateTimeMs: a.updateTime,
      })),
      ...(levels ? { adl: summarizeAdl(pool.symbols, levels) } : {}),
    })),
    ...(ratings ? { adlRatings: [...ratings.values()].map(toEntry) } : {}),
  };
  return `${JSON.stringify(body, null, 2)}\n`;
}
