import { describe, expect, it } from 'vitest';
import { documentedPool } from '../test/documented-answers';
import type { Pool } from './pool-schema.ts';
import { indexMap, totalValue, valuePool, type AssetIndexEntry } from './valuation.ts';

const t = Date.UTC(2026, 2, 27, 8, 0, 0);
const entry = (symbol: string, index: string, time = t): AssetIndexEntry => ({
  symbol,
  index,
  time,
});
/** The index as the exchange could send it: no BNFCRUSD, so BNFCR stays unvalued. */
const index = indexMap([
  entry('USDTUSD', '0.99987691'),
  entry('USDCUSD', '0.99991200', t - 2_000),
  entry('BTCUSD', '94712.30000000'),
  entry('BNBUSD', '905.21000000'),
]);
const pool = (assets: [string, string][]): Pool => ({
  symbols: ['XUSDT'],
  assets: assets.map(([asset, marginBalance]) => ({ asset, marginBalance, updateTime: t })),
});

describe('valuePool', () => {
  it('values the documented majors pool exactly, to the cent, leaving BNFCR out by name', () => {
    const value = valuePool(documentedPool, index);
    // 299999998.6497832 × 0.999912 + 793930579.315848 × 0.99987691 + 61.73143554 × 94712.3
    expect(value.exact).toBe('1099653179.2930371733480800');
    expect(value.usd).toBe('1099653179.29');
    expect(value.unvalued).toEqual(['BNFCR']);
    expect(value.valued).toEqual(['USDC', 'USDT', 'BTC']);
  });

  it('dates the value by the oldest index entry it used', () => {
    expect(valuePool(documentedPool, index).indexTime).toBe(t - 2_000);
    expect(valuePool(pool([['BTC', '1']]), index).indexTime).toBe(t);
    expect(valuePool(pool([['BNFCR', '5']]), index).indexTime).toBeUndefined();
  });

  it('values 950 BTC at about ninety million dollars', () => {
    expect(valuePool(pool([['BTC', '950']]), index).usd).toBe('89976685.00');
  });

  it('never counts an asset at 1 for want of an index, not even a dollar stablecoin', () => {
    const fdusd = valuePool(pool([['FDUSD', '1000000']]), index);
    expect(fdusd.usd).toBe('0.00');
    expect(fdusd.unvalued).toEqual(['FDUSD']);
    const noIndex = valuePool(documentedPool, indexMap([]));
    expect(noIndex.usd).toBe('0.00');
    expect(noIndex.unvalued).toEqual(['USDC', 'USDT', 'BTC', 'BNFCR']);
  });

  it('values an asset by its own pair only', () => {
    // A BTCUSDT entry is a futures symbol, not the asset index of BTC.
    const wrongPair = indexMap([entry('BTCUSDT', '94712.3'), entry('USDUSDT', '1')]);
    expect(valuePool(pool([['BTC', '2']]), wrongPair).unvalued).toEqual(['BTC']);
  });

  it('rounds half a cent up: 100,012.31 USDT is worth 100,000.00, 100,012.30 is 99,999.99', () => {
    expect(valuePool(pool([['USDT', '100012.31']]), index).usd).toBe('100000.00');
    expect(valuePool(pool([['USDT', '100012.30']]), index).usd).toBe('99999.99');
  });
});

describe('totalValue', () => {
  it('adds the exact values and rounds once, naming every asset left out', () => {
    // 12 × 0.99987691 = 11.99852292 and 12873311.00451 × 0.999912 = 12872178.15314160312.
    const pools = [pool([['USDT', '12']]), pool([['USDC', '12873311.00451']]), documentedPool];
    const total = totalValue(pools.map((p) => valuePool(p, index)));
    expect(total.usd).toBe('1112525369.44');
    expect(total.unvalued).toEqual(['BNFCR']);
    expect(total.indexTime).toBe(t - 2_000);
  });

  it('can differ by cents from the sum of rounded figures, and follows the exact sum', () => {
    // Three pools of 0.005 dollars each: 0.01 apiece when rounded, 0.02 (0.015) in all.
    const cent = indexMap([entry('XUSD', '0.005')]);
    const pools = [pool([['X', '1']]), pool([['X', '1']]), pool([['X', '1']])];
    expect(pools.map((p) => valuePool(p, cent).usd)).toEqual(['0.01', '0.01', '0.01']);
    expect(totalValue(pools.map((p) => valuePool(p, cent))).usd).toBe('0.02');
  });

  it('is zero with nothing to add', () => {
    expect(totalValue([])).toEqual({ usd: '0.00', unvalued: [], indexTime: undefined });
  });
});
