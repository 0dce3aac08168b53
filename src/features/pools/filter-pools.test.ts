import { describe, expect, it } from 'vitest';
import type { Pool } from '../../core/pool-schema';
import { filterPools } from './filter-pools';

const pool = (...symbols: string[]): Pool => ({ symbols, assets: [] });
const majors = pool('BTCUSDT', 'ETHUSDT');
const memes = pool('1000PEPEUSDT', '1000SHIBUSDT');
const unicode = pool('币安人生USDT', '哈基米USDT');
const all = [majors, memes, unicode];

describe('filterPools', () => {
  it('keeps pools with a member containing the text, whatever its case', () => {
    expect(filterPools(all, 'pepe')).toEqual([memes]);
    expect(filterPools(all, 'UsDt')).toEqual(all);
    expect(filterPools(all, 'eth')).toEqual([majors]);
  });

  it('finds non-ASCII symbols', () => {
    expect(filterPools(all, '人生')).toEqual([unicode]);
  });

  it('shows every pool for an empty text and none for a text nothing contains', () => {
    expect(filterPools(all, '  ')).toBe(all);
    expect(filterPools(all, 'DOGE')).toEqual([]);
  });

  it('does not match across two members', () => {
    expect(filterPools([majors], 'USDTETH')).toEqual([]);
  });
});
