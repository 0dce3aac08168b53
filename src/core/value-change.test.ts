import { describe, expect, it } from 'vitest';
import { overviewAsset, overviewPool } from '../test/overview-pool';
import { totalChange } from './total-change';
import { indexMap } from './valuation';
import { biggestFalls, biggestFallsOf, poolChange, roughShare } from './value-change';

const index = indexMap([
  { symbol: 'USDTUSD', index: '0.9998', time: 1 },
  { symbol: 'BTCUSD', index: '94712.3', time: 2 },
]);

const majors = overviewPool({
  symbols: ['BTCUSDT', 'ETHUSDT'],
  assets: [
    overviewAsset('USDT', '1000.5', { '24h': '1100.5', '1h': '1000' }),
    overviewAsset('BTC', '2', { '24h': '2.5' }),
    overviewAsset('BNFCR', '10', { '24h': '20' }),
  ],
});
const small = overviewPool({
  symbols: ['TROYUSDT'],
  assets: [overviewAsset('USDT', '50', { '24h': '100' })],
});

/** A pool of one USDT balance whose members changed within the last 24 h. */
const regroupedPool = (symbol: string, latest: string, dayAgo: string) =>
  overviewPool({
    symbols: [symbol],
    regrouped: { '1h': false, '24h': true, '7d': true },
    assets: [overviewAsset('USDT', latest, { '24h': dayAgo })],
  });

describe('poolChange', () => {
  it('adds the valued assets’ changes in dollars at today’s index, leaving out and naming the rest', () => {
    // USDT: -100 × 0.9998 = -99.98; BTC: -0.5 × 94712.3 = -47356.15; BNFCR has no index.
    const day = poolChange(majors, index, '24h')!;
    expect(day).toMatchObject({ basis: 'usd', value: '-47456.13', sign: -1, unvalued: ['BNFCR'] });
    // then: 1100.5 × 0.9998 + 2.5 × 94712.3 = 237881.0299; -47456.13 of it
    expect(day.rel).toBe(-0.199495);
  });

  it('gives no figure over a window that one of its assets lacks', () => {
    expect(poolChange(majors, index, '1h')).toBeUndefined();
    expect(poolChange(majors, index, '7d')).toBeUndefined();
    expect(poolChange(undefined, index, '24h')).toBeUndefined();
  });

  it('without an index, compares the units of the asset that fell most', () => {
    const day = poolChange(majors, undefined, '24h')!;
    expect(day).toMatchObject({ basis: 'BNFCR', value: '-10', rel: -0.5 });
  });
});

describe('biggestFalls', () => {
  it('ranks falls by share, leaves out rises and regroupings', () => {
    const regrouped = regroupedPool('ZUSDT', '1', '100');
    const rising = overviewPool({
      symbols: ['UPUSDT'],
      assets: [overviewAsset('USDT', '200', { '24h': '100' })],
    });
    const entries = [majors, small, regrouped, rising].map((h) => ({
      item: h.key,
      change: poolChange(h, index, '24h'),
    }));
    expect(biggestFalls(entries, 5).map((f) => f.item)).toEqual(['TROYUSDT', 'BTCUSDT,ETHUSDT']);
    expect(biggestFalls(entries, 1)).toHaveLength(1);
  });
});

describe('totalChange', () => {
  it('sums each asset’s change exactly over the pools whose history covers the window', () => {
    const moved = regroupedPool('MOVEDUSDT', '5', '1');
    const day = totalChange([majors, small, moved, undefined], index, '24h');
    expect(day).toMatchObject({ counted: 2, noHistory: 1, regrouped: 1 });
    expect(day.assets.map((a) => [a.asset, a.value, a.rel])).toEqual([
      ['USDT', '-150.0', -0.124947],
      ['BTC', '-0.5', -0.2],
      ['BNFCR', '-10', -0.5],
    ]);
    // -150 × 0.9998 - 0.5 × 94712.3 = -149.97 - 47356.15
    expect(day.usd).toMatchObject({ value: '-47506.12', sign: -1, unvalued: ['BNFCR'] });
  });

  it('counts no pool over a window no history reaches', () => {
    const week = totalChange([majors, small], index, '7d');
    expect(week).toMatchObject({ counted: 0, noHistory: 2, assets: [], usd: undefined });
  });
});

describe('biggestFallsOf', () => {
  /** A seeded stream of numbers in [0, 1), so a failure can be replayed. */
  function random(seed: number) {
    let x = seed;
    return () => (x = (x * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
  }

  /** Pools whose 24 h shares crowd together: many equal to the millionth, some regrouped or short. */
  function crowd(seed: number, count: number) {
    const next = random(seed);
    return Array.from({ length: count }, (_, i) => {
      const then = (1_000_000 + Math.floor(next() * 1000)).toString();
      // Falls of 10.0000 % give or take a few millionths, and some rises.
      const share = next() < 0.2 ? 0.05 : -0.1 + (Math.floor(next() * 7) - 3) * 1e-6;
      const now = (Number(then) * (1 + share)).toFixed(8);
      const usdc = next() < 0.3;
      return overviewPool({
        symbols: [`P${i}USDT`],
        regrouped: { '1h': false, '24h': next() < 0.05, '7d': false },
        assets: [overviewAsset(usdc ? 'USDC' : 'USDT', now, next() < 0.05 ? {} : { '24h': then })],
      });
    });
  }

  it('names the same pools in the same order as working out every pool exactly', () => {
    for (const seed of [1, 2, 3, 4, 5, 6, 7, 8]) {
      const pools = crowd(seed, 300);
      for (const count of [1, 5, 40]) {
        const everyOne = biggestFalls(
          pools.map((item) => ({ item, change: poolChange(item, index, '24h') })),
          count,
        );
        const rough = biggestFallsOf(
          pools,
          (p) => roughShare(p, index, '24h'),
          (p) => poolChange(p, index, '24h'),
          count,
        );
        expect(rough.map((f) => f.item.key)).toEqual(everyOne.map((f) => f.item.key));
        expect(rough.map((f) => f.change)).toEqual(everyOne.map((f) => f.change));
      }
    }
  });

  it('works out exactly only the pools that can rank', () => {
    const pools = crowd(9, 300);
    let exact = 0;
    biggestFallsOf(
      pools,
      (p) => roughShare(p, index, '24h'),
      (p) => {
        exact += 1;
        return poolChange(p, index, '24h');
      },
      5,
    );
    expect(exact).toBeLessThan(pools.length / 2);
  });
});
