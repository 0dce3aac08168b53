import { describe, expect, it } from 'vitest';
import { editDistance, nearMatches } from './near-matches';

const known = [
  'BTCUSDT',
  'BTCUSDC',
  'ETHUSDT',
  'BTCUSDT_260327',
  'BTCDOMUSDT',
  '1000PEPEUSDT',
  '币安人生USDT',
  'XRPUSDT',
];

describe('editDistance', () => {
  it('counts insertions, deletions, substitutions and swapped neighbours as one edit each', () => {
    expect(editDistance('BTCUSDT', 'BTCUSDT', 3)).toBe(0);
    expect(editDistance('BTCUSD', 'BTCUSDT', 3)).toBe(1);
    expect(editDistance('BTCUSTD', 'BTCUSDT', 3)).toBe(1);
    expect(editDistance('ETHUSDT', 'BTCUSDT', 3)).toBe(2);
    expect(editDistance('ETHUSDT', 'XRPUSDC', 5)).toBe(4);
  });

  it('stops early once beyond the limit', () => {
    expect(editDistance('A', 'ABCDEFG', 2)).toBe(3);
    expect(editDistance('ZZZZZZZ', 'BTCUSDT', 2)).toBe(3);
  });
});

describe('nearMatches', () => {
  it('suggests the symbols a typo was meant to be, closest first', () => {
    expect(nearMatches('BTCUSTD', known)[0]).toBe('BTCUSDT');
    expect(nearMatches('ETHUSDTT', known)).toEqual(['ETHUSDT']);
  });

  it('suggests symbols built on a base asset', () => {
    expect(nearMatches('PEPE', known)).toEqual(['1000PEPEUSDT']);
    expect(nearMatches('BTC', known).slice(0, 2)).toEqual(['BTCUSDC', 'BTCUSDT']);
  });

  it('finds non-ASCII symbols and nothing for a symbol unlike any', () => {
    expect(nearMatches('币安人生USDC', known)).toEqual(['币安人生USDT']);
    expect(nearMatches('QQQQQQQQQQ', known)).toEqual([]);
  });
});
