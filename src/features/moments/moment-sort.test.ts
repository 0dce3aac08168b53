import { describe, expect, it } from 'vitest';
import type { Pool } from '../../core/pool-schema';
import { sortMomentPools } from './moment-sort';

const pool = (symbol: string, usdt: string | undefined): Pool => ({
  symbols: [symbol],
  assets: usdt === undefined ? [] : [{ asset: 'USDT', marginBalance: usdt, updateTime: 1 }],
});

const order = (pools: Pool[], dir: 'asc' | 'desc') =>
  sortMomentPools(pools, {
    sort: 'balance',
    dir,
    asset: 'USDT',
    usdOf: undefined,
    changes: undefined,
  }).map((p) => p.symbols[0]);

describe('the order of a moment’s pools by balance', () => {
  it('tells apart balances a float cannot, and puts pools without the asset last', () => {
    // Both read as the same float; only the exact strings differ.
    const pools = [
      pool('AUSDT', '9007199254740993.5'),
      pool('BUSDT', undefined),
      pool('CUSDT', '9007199254740993.25'),
      pool('DUSDT', '12.5'),
      pool('EUSDT', '-3'),
    ];
    expect(order(pools, 'desc')).toEqual(['AUSDT', 'CUSDT', 'DUSDT', 'EUSDT', 'BUSDT']);
    expect(order(pools, 'asc')).toEqual(['EUSDT', 'DUSDT', 'CUSDT', 'AUSDT', 'BUSDT']);
  });
});
