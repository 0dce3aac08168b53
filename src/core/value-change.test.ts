import { describe, expect, it } from 'vitest';
import { overviewAsset, overviewPool } from '../test/overview-pool';
import { totalChange } from './total-change';
import { indexMap } from './valuation';
import { biggestFalls, poolChange } from './value-change';

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
    const regrouped = overviewPool({
      symbols: ['ZUSDT'],
      regrouped: { '1h': false, '24h': true, '7d': true },
      assets: [overviewAsset('USDT', '1', { '24h': '100' })],
    });
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
    const moved = overviewPool({
      symbols: ['MOVEDUSDT'],
      regrouped: { '1h': false, '24h': true, '7d': true },
      assets: [overviewAsset('USDT', '5', { '24h': '1' })],
    });
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
