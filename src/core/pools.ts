import type { AssetBalance, Pool } from './pool-schema.ts';
import { compareDecimals, sumDecimals } from './decimal.ts';

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

/** The quotes people mean first: a USDT contract, then a USDC one, then any other. */
const QUOTE_PREFERENCE = ['USDT', 'USDC'];

/**
 * How likely a reader means this symbol among others, as a number to sort by (lower first):
 * a perpetual before a dated contract (`BTCUSDT` before `BTCUSDT_260327`), then a USDT quote,
 * then a USDC one, then any other (`BTCUSDT`, `BTCUSDC`, `ETHBTC`).
 */
export function symbolPreference(symbol: string): number {
  const dated = symbol.includes('_') ? 1 : 0;
  const perpetual = symbol.split('_')[0] ?? symbol;
  let quote = QUOTE_PREFERENCE.findIndex(
    (q) => perpetual.length > q.length && perpetual.endsWith(q),
  );
  if (quote === -1) quote = QUOTE_PREFERENCE.length;
  return dated * (QUOTE_PREFERENCE.length + 1) + quote;
}

/** Most likely meant first (see `symbolPreference`), then shorter, then in code-point order. */
export function compareLikely(a: string, b: string): number {
  return (
    symbolPreference(a) - symbolPreference(b) || a.length - b.length || (a < b ? -1 : a > b ? 1 : 0)
  );
}

/** The members that name the pool, best-known first, one per base asset (its likeliest symbol). */
export function leadingSymbols(pool: Pool, count = NAME_MEMBERS): string[] {
  const byBase = new Map<string, string>();
  const ordered = [...pool.symbols].sort(
    (a, b) => rankOfBase(baseOf(a)) - rankOfBase(baseOf(b)) || compareLikely(a, b),
  );
  for (const s of ordered) if (!byBase.has(baseOf(s))) byBase.set(baseOf(s), s);
  return [...byBase.values()].slice(0, count);
}

/**
 * "BTC · ETH · BNB": the bases of the members that name the pool, recognisable and stable while
 * the members stay. It carries no count: a "+1" of bases beside "13 symbols" read as a
 * contradiction, so the member count stands beside the name wherever the name is shown.
 */
export function poolName(pool: Pool): string {
  return leadingSymbols(pool).map(baseOf).join(' · ');
}

/** The symbol a pool is named after, which opens it (a chart bar, a table row); none for an empty pool. */
export function leadingSymbol(pool: Pool): string | undefined {
  return leadingSymbols(pool, 1)[0];
}

/** The pool that lists `symbol` as a member, if any. */
export function poolOfSymbol(pools: readonly Pool[], symbol: string): Pool | undefined {
  return pools.find((p) => p.symbols.includes(symbol));
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
