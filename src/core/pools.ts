import type { AssetBalance, Pool } from './pool-schema';
import { compareDecimals, sumDecimals } from './decimal';

/**
 * A pool has no id in the API: it is keyed by its sorted member list and named by what users
 * recognise, its best-known members. Nothing here assumes yesterday's grouping.
 */

/** Best-known bases first, so that the majors' pool reads "BTC · ETH · BNB". */
const WELL_KNOWN = [
  'BTC',
  'ETH',
  'BNB',
  'SOL',
  'XRP',
  'DOGE',
  'ADA',
  'TRX',
  'LINK',
  'AVAX',
  'SUI',
  'TON',
  'DOT',
  'LTC',
  'BCH',
];
const QUOTES = ['USDT', 'USDC', 'BTC', 'FDUSD', 'BUSD'];
const NAME_MEMBERS = 3;

/**
 * Keys by member list. A refresh keeps an unchanged list as the same array (structural sharing),
 * so each list is sorted once, not once per refresh by every part that compares snapshots.
 */
const keys = new WeakMap<readonly string[], string>();

export function poolKey(pool: Pool): string {
  let key = keys.get(pool.symbols);
  if (key === undefined) keys.set(pool.symbols, (key = [...pool.symbols].sort().join(',')));
  return key;
}

/** The base asset of a symbol: `BTCUSDT_260327` -> `BTC`, `1000PEPEUSDT` -> `1000PEPE`, `ETHBTC` -> `ETH`. */
export function baseOf(symbol: string): string {
  const perpetual = symbol.split('_')[0] ?? symbol;
  for (const quote of QUOTES) {
    if (perpetual.length > quote.length && perpetual.endsWith(quote))
      return perpetual.slice(0, -quote.length);
  }
  return perpetual;
}

function rankOfBase(base: string): number {
  const i = WELL_KNOWN.indexOf(base);
  return i === -1 ? WELL_KNOWN.length : i;
}

/** The members that name the pool, best-known first, one per base asset. */
export function leadingSymbols(pool: Pool, count = NAME_MEMBERS): string[] {
  const byBase = new Map<string, string>();
  const ordered = [...pool.symbols].sort(
    (a, b) =>
      rankOfBase(baseOf(a)) - rankOfBase(baseOf(b)) || a.length - b.length || a.localeCompare(b),
  );
  for (const s of ordered) if (!byBase.has(baseOf(s))) byBase.set(baseOf(s), s);
  return [...byBase.values()].slice(0, count);
}

/** "BTC · ETH · BNB +10": recognisable, stable while the members stay, and unique enough to tell pools apart. */
export function poolName(pool: Pool): string {
  const lead = leadingSymbols(pool).map(baseOf);
  const unique = new Set(pool.symbols.map(baseOf)).size;
  const rest = unique - lead.length;
  return lead.join(' · ') + (rest > 0 ? ` +${rest}` : '');
}

export function balanceOf(pool: Pool, asset: string): AssetBalance | undefined {
  return pool.assets.find((a) => a.asset === asset);
}

/** Every asset that appears in the snapshot, in order of first appearance: no list of assets is written in the code. */
export function assetsOf(pools: readonly Pool[]): string[] {
  const seen = new Set<string>();
  for (const p of pools) for (const a of p.assets) seen.add(a.asset);
  return [...seen];
}

/** The exact total of each asset across pools. */
export function totalsByAsset(pools: readonly Pool[]): Map<string, string> {
  const values = new Map<string, string[]>();
  for (const p of pools)
    for (const a of p.assets) {
      const list = values.get(a.asset);
      if (list) list.push(a.marginBalance);
      else values.set(a.asset, [a.marginBalance]);
    }
  return new Map([...values].map(([asset, v]) => [asset, sumDecimals(v)]));
}

/** The snapshot's time: the newest `updateTime` in the pool (or across pools). */
export function snapshotTime(pools: readonly Pool[]): number {
  let newest = 0;
  for (const p of pools) for (const a of p.assets) newest = Math.max(newest, a.updateTime);
  return newest;
}

/** 1-based place of `pool` among the pools holding `asset`, largest first; `undefined` if it holds none. */
export function rankByAsset(
  pools: readonly Pool[],
  pool: Pool,
  asset: string,
): { rank: number; of: number } | undefined {
  const own = balanceOf(pool, asset);
  if (!own) return undefined;
  const holders = pools.filter((p) => balanceOf(p, asset));
  const key = poolKey(pool);
  const larger = holders.filter(
    (p) =>
      poolKey(p) !== key &&
      compareDecimals(balanceOf(p, asset)!.marginBalance, own.marginBalance) > 0,
  );
  return { rank: larger.length + 1, of: holders.length };
}
