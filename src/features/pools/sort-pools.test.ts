import { describe, expect, it } from 'vitest';
import type { Pool } from '../../core/pool-schema';
import { indexMap, valuePool } from '../../core/valuation';
import { sortPools } from './sort-pools';

const pool = (symbols: string[], balances: Record<string, string>): Pool => ({
  symbols,
  assets: Object.entries(balances).map(([asset, marginBalance]) => ({
    asset,
    marginBalance,
    updateTime: 1,
  })),
});

const majors = pool(['BTCUSDT', 'ETHUSDT', 'BNBUSDT'], { USDT: '793930579.315848', BTC: '61.7' });
const alts = pool(['XRPUSDT', 'ADAUSDT'], { USDT: '314151411.06482935' });
const usdc = pool(['DOGEUSDC'], { USDC: '12873311.00451' });
// Two balances a float cannot tell apart: only the last digit differs.
const twinA = pool(['AAAUSDT'], { USDT: '9007199254740993.00000001' });
const twinB = pool(['BBBUSDT'], { USDT: '9007199254740993.00000002' });

const names = (pools: Pool[]) => pools.map((p) => p.symbols[0]);

const index = indexMap([
  { symbol: 'USDTUSD', index: '0.99987691', time: 1 },
  { symbol: 'USDCUSD', index: '0.99991200', time: 1 },
  { symbol: 'BTCUSD', index: '94712.30000000', time: 1 },
]);
/** As the overview orders by value: the dollar figure, none for a pool with nothing valued. */
const usdOf = (p: Pool) => {
  const v = valuePool(p, index);
  return v.valued.length > 0 ? v.usd : undefined;
};

describe('sortPools by dollar value', () => {
  const tiny = pool(['BSWUSDT'], { USDT: '12' });
  const btc = pool(['BTCUSDT_260327'], { BTC: '950' });
  const credit = pool(['CREDITUSDT'], { BNFCR: '633223.99396922' });

  it('puts a 12.87 M USDC pool above a 12 USDT pool, where USDT balance put it last', () => {
    const byValue = sortPools([tiny, usdc], { sort: 'value', asset: 'USDT', dir: 'desc', usdOf });
    expect(names(byValue)).toEqual(['DOGEUSDC', 'BSWUSDT']);
    const byUsdt = sortPools([tiny, usdc], { sort: 'balance', asset: 'USDT', dir: 'desc' });
    expect(names(byUsdt)).toEqual(['BSWUSDT', 'DOGEUSDC']);
  });

  it('weighs every asset of a pool by its index, a pool with nothing valued last either way', () => {
    // 950 BTC ≈ $89,976,685.00 lies between 314 M USDT and 12.87 M USDC.
    const all = [tiny, credit, usdc, btc, alts, majors];
    expect(names(sortPools(all, { sort: 'value', asset: 'USDT', dir: 'desc', usdOf }))).toEqual([
      'BTCUSDT',
      'XRPUSDT',
      'BTCUSDT_260327',
      'DOGEUSDC',
      'BSWUSDT',
      'CREDITUSDT',
    ]);
    expect(names(sortPools(all, { sort: 'value', asset: 'USDT', dir: 'asc', usdOf }))).toEqual([
      'BSWUSDT',
      'DOGEUSDC',
      'BTCUSDT_260327',
      'XRPUSDT',
      'BTCUSDT',
      'CREDITUSDT',
    ]);
  });

  it('orders by the balance of the asset while no index could be had', () => {
    const sorted = sortPools([tiny, usdc, alts], { sort: 'value', asset: 'USDT', dir: 'desc' });
    expect(names(sorted)).toEqual(['XRPUSDT', 'BSWUSDT', 'DOGEUSDC']);
  });
});

describe('sortPools', () => {
  type Order = Parameters<typeof sortPools>[1];
  /** The first member of each of three pools, in the order asked for. */
  const order = (sort: Order['sort'], dir: Order['dir'], asset = 'USDT') =>
    names(sortPools([alts, usdc, majors], { sort, asset, dir }));

  it('orders by the chosen asset, largest first, with pools lacking it last either way', () => {
    expect(order('balance', 'desc')).toEqual(['BTCUSDT', 'XRPUSDT', 'DOGEUSDC']);
    expect(order('balance', 'asc')).toEqual(['XRPUSDT', 'BTCUSDT', 'DOGEUSDC']);
    expect(order('balance', 'desc', 'USDC')[0]).toBe('DOGEUSDC');
  });

  it('tells apart balances that differ beyond a float’s precision', () => {
    const desc = sortPools([twinA, twinB], { sort: 'balance', asset: 'USDT', dir: 'desc' });
    expect(names(desc)).toEqual(['BBBUSDT', 'AAAUSDT']);
    const asc = sortPools([twinB, twinA], { sort: 'balance', asset: 'USDT', dir: 'asc' });
    expect(names(asc)).toEqual(['AAAUSDT', 'BBBUSDT']);
  });

  it('orders by member count and by name', () => {
    expect(order('members', 'desc')).toEqual(['BTCUSDT', 'XRPUSDT', 'DOGEUSDC']);
    // Names: "BTC · ETH · BNB", "DOGE", "XRP · ADA".
    expect(order('name', 'asc')).toEqual(['BTCUSDT', 'DOGEUSDC', 'XRPUSDT']);
    expect(order('name', 'desc')).toEqual(['XRPUSDT', 'DOGEUSDC', 'BTCUSDT']);
  });

  it('leaves the given list untouched', () => {
    const all = [alts, majors];
    sortPools(all, { sort: 'balance', asset: 'USDT', dir: 'desc' });
    expect(all).toEqual([alts, majors]);
  });
});

describe('sortPools by change', () => {
  const change = (rel: number | undefined) => ({
    window: '24h' as const,
    basis: 'usd',
    value: '0',
    sign: 0 as const,
    rel,
    regrouped: false,
    unvalued: [],
  });
  const rels = new Map<Pool, number | undefined>([
    [majors, -0.012],
    [alts, 0.3],
    [usdc, undefined],
    [twinA, -0.29],
  ]);
  const changeOf = (p: Pool) => (rels.has(p) ? change(rels.get(p)) : undefined);
  const all = [majors, alts, usdc, twinA, twinB];

  it('puts the largest fall first, and pools with no change to give last, either way', () => {
    const falls = sortPools(all, { sort: 'change24h', asset: 'USDT', dir: 'asc', changeOf });
    expect(names(falls)).toEqual(['AAAUSDT', 'BTCUSDT', 'XRPUSDT', 'BBBUSDT', 'DOGEUSDC']);
    const rises = sortPools(all, { sort: 'change24h', asset: 'USDT', dir: 'desc', changeOf });
    expect(names(rises)).toEqual(['XRPUSDT', 'BTCUSDT', 'AAAUSDT', 'BBBUSDT', 'DOGEUSDC']);
  });

  it('asks for the window the sort names', () => {
    const asked: string[] = [];
    sortPools([majors], {
      sort: 'change7d',
      asset: 'USDT',
      dir: 'asc',
      changeOf: (_, w) => (asked.push(w), undefined),
    });
    expect(asked).toEqual(['7d']);
  });
});
