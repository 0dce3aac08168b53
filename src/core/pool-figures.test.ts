import { describe, expect, it } from 'vitest';
import type { Pool } from './pool-schema';
import { poolKey } from './pools';
import { indexMap } from './valuation';
import { createValuation } from './pool-figures';
import { overviewPool } from '../test/overview-pool';

const t = Date.UTC(2026, 2, 27, 8, 0, 0);
const MIN = 60_000;
const index = indexMap([{ symbol: 'USDTUSD', index: '0.99987691', time: t }]);
const pool = (usdt: string, symbols = ['BSWUSDT', 'LEVERUSDT']): Pool => ({
  symbols,
  assets: [{ asset: 'USDT', marginBalance: usdt, updateTime: t }],
});

describe('createValuation', () => {
  it('values and flags each pool once per pool object', () => {
    const valuation = createValuation({ index, lowUsd: '100000' });
    const p = pool('12');
    expect(valuation.poolValue(p)).toBe(valuation.poolValue(p));
    expect(valuation.poolValue(p)?.usd).toBe('12.00');
    expect(valuation.flagsOf(p)).toBe(valuation.flagsOf(p));
    expect(valuation.flagsOf(p).low?.below?.usd).toBe('12.00');
    expect(valuation.poolValue(pool('12'))).not.toBe(valuation.poolValue(p));
  });

  it('finds a pool’s history by its members, whatever their order', () => {
    const p = pool('5000000');
    const history = new Map([
      [poolKey(p), overviewPool({ symbols: p.symbols, interval: 10 * MIN, assets: [] })],
    ]);
    const valuation = createValuation({ index, history, lowUsd: '100000' });
    const reordered = pool('5000000', ['LEVERUSDT', 'BSWUSDT']);
    expect(valuation.staleRuleOf(reordered)).toEqual({ afterMs: 30 * MIN, interval: 10 * MIN });
    expect(valuation.allFlagsOf(reordered, t + 31 * MIN).stale?.afterMs).toBe(30 * MIN);
    expect(valuation.allFlagsOf(reordered, t + 29 * MIN).stale).toBeUndefined();
  });

  it('has no value and no Low on value without an index, and the floor without history', () => {
    const valuation = createValuation({ lowUsd: '100000' });
    const p = pool('12');
    expect(valuation.poolValue(p)).toBeUndefined();
    expect(valuation.flagsOf(p)).toEqual({});
    expect(valuation.staleRuleOf(p)).toEqual({ afterMs: 15 * MIN, interval: null });
    expect(valuation.allFlagsOf(pool('0'), t).low).toEqual({ zero: ['USDT'] });
  });
});
