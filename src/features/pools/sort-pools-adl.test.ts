import { describe, expect, it } from 'vitest';
import { summarizeAdl, type AdlLevel } from '../../core/adl';
import type { Pool } from '../../core/pool-schema';
import { sortPools } from './sort-pools';

const pool = (...symbols: string[]): Pool => ({ symbols, assets: [] });
const levels = new Map<string, AdlLevel>([
  ['AUSDT', 'high'],
  ['BUSDT', 'high'],
  ['CUSDT', 'medium'],
  ['DUSDT', 'high'],
  ['EUSDT', 'low'],
]);
const adlOf = (p: Pool) => summarizeAdl(p.symbols, levels);

describe('the ADL sort', () => {
  const pools = [pool('EUSDT'), pool('DUSDT', 'CUSDT'), pool('AUSDT', 'BUSDT'), pool('CUSDT')];

  it('puts the pools with the most members rated high first, then the most medium', () => {
    const sorted = sortPools(pools, { sort: 'adl', asset: 'USDT', dir: 'desc', adlOf });
    expect(sorted.map((p) => p.symbols.join())).toEqual([
      'AUSDT,BUSDT',
      'DUSDT,CUSDT',
      'CUSDT',
      'EUSDT',
    ]);
  });

  it('reverses on the other direction, and orders by name without ratings', () => {
    const up = sortPools(pools, { sort: 'adl', asset: 'USDT', dir: 'asc', adlOf });
    expect(up[0]!.symbols).toEqual(['EUSDT']);
    const none = sortPools(pools, { sort: 'adl', asset: 'USDT', dir: 'desc' });
    expect(none).toHaveLength(4);
  });
});
