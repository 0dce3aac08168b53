import { describe, expect, it } from 'vitest';
import type { Pool } from '../../core/pool-schema';
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

describe('sortPools', () => {
  it('orders by the chosen asset, largest first, with pools lacking it last either way', () => {
    const all = [alts, usdc, majors];
    expect(names(sortPools(all, { sort: 'balance', asset: 'USDT', dir: 'desc' }))).toEqual([
      'BTCUSDT',
      'XRPUSDT',
      'DOGEUSDC',
    ]);
    expect(names(sortPools(all, { sort: 'balance', asset: 'USDT', dir: 'asc' }))).toEqual([
      'XRPUSDT',
      'BTCUSDT',
      'DOGEUSDC',
    ]);
    expect(names(sortPools(all, { sort: 'balance', asset: 'USDC', dir: 'desc' }))[0]).toBe(
      'DOGEUSDC',
    );
  });

  it('tells apart balances that differ beyond a float’s precision', () => {
    const desc = sortPools([twinA, twinB], { sort: 'balance', asset: 'USDT', dir: 'desc' });
    expect(names(desc)).toEqual(['BBBUSDT', 'AAAUSDT']);
    const asc = sortPools([twinB, twinA], { sort: 'balance', asset: 'USDT', dir: 'asc' });
    expect(names(asc)).toEqual(['AAAUSDT', 'BBBUSDT']);
  });

  it('orders by member count and by name', () => {
    const all = [alts, usdc, majors];
    expect(names(sortPools(all, { sort: 'members', asset: 'USDT', dir: 'desc' }))).toEqual([
      'BTCUSDT',
      'XRPUSDT',
      'DOGEUSDC',
    ]);
    // Names: "BTC · ETH · BNB", "DOGE", "XRP · ADA".
    expect(names(sortPools(all, { sort: 'name', asset: 'USDT', dir: 'asc' }))).toEqual([
      'BTCUSDT',
      'DOGEUSDC',
      'XRPUSDT',
    ]);
    expect(names(sortPools(all, { sort: 'name', asset: 'USDT', dir: 'desc' }))).toEqual([
      'XRPUSDT',
      'DOGEUSDC',
      'BTCUSDT',
    ]);
  });

  it('leaves the given list untouched', () => {
    const all = [alts, majors];
    sortPools(all, { sort: 'balance', asset: 'USDT', dir: 'desc' });
    expect(all).toEqual([alts, majors]);
  });
});
