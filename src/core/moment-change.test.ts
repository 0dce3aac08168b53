import { describe, expect, it } from 'vitest';
import { momentChanges, momentTotals, sortByMomentChange } from './moment-change';
import type { Pool } from './pool-schema';

const pool = (symbols: string[], ...assets: [string, string][]): Pool => ({
  symbols,
  assets: assets.map(([asset, marginBalance]) => ({ asset, marginBalance, updateTime: 1 })),
});

// At `vs`: BTC and DOGE share a pool. By `at`: DOGE left it for a pool of its own with NEW.
const vs = [
  pool(['BTCUSDT', 'DOGEUSDT'], ['USDT', '1000.000001'], ['BTC', '2']),
  pool(['XRPUSDT'], ['USDT', '50']),
];
const at = [
  pool(['XRPUSDT'], ['USDT', '49.9999999999']),
  pool(['DOGEUSDT', 'NEWUSDT'], ['USDT', '300']),
  pool(['BTCUSDT'], ['USDT', '700.5']),
];

describe('the change of each pool between two moments', () => {
  it('gives the same pool’s change exactly, to the last digit', () => {
    const c = momentChanges(at, vs).get('XRPUSDT');
    expect(c).toEqual({ regrouped: false, assets: new Map([['USDT', '-0.0000000001']]) });
  });

  it('names the pools a regrouped pool’s members came from instead of counting a loss', () => {
    const changes = momentChanges(at, vs);
    expect(changes.get('BTCUSDT')).toEqual({
      regrouped: true,
      from: [['BTCUSDT', 'DOGEUSDT']],
      added: [],
    });
    expect(changes.get('DOGEUSDT,NEWUSDT')).toEqual({
      regrouped: true,
      from: [['BTCUSDT', 'DOGEUSDT']],
      added: ['NEWUSDT'],
    });
  });

  it('leaves out an asset the pool did not hold at the earlier moment', () => {
    const c = momentChanges([pool(['XRPUSDT'], ['USDT', '51'], ['BTC', '1'])], vs).get('XRPUSDT');
    expect(c).toEqual({ regrouped: false, assets: new Map([['USDT', '1']]) });
  });

  it('totals each asset at both moments, with the exact change', () => {
    expect(momentTotals(at, vs)).toEqual([
      { asset: 'BTC', at: '0', vs: '2', change: '-2' },
      { asset: 'USDT', at: '1050.4999999999', vs: '1050.000001', change: '0.4999989999' },
    ]);
  });

  it('orders by the change, largest fall first, regrouped pools last either way', () => {
    const more = [...at, pool(['ETHUSDT'], ['USDT', '10'])];
    const before = [...vs, pool(['ETHUSDT'], ['USDT', '20'])];
    const changes = momentChanges(more, before);
    const names = (dir: 'asc' | 'desc') =>
      sortByMomentChange(more, changes, 'USDT', dir).map((p) => p.symbols.join());
    expect(names('asc').slice(0, 2)).toEqual(['ETHUSDT', 'XRPUSDT']);
    expect(names('desc').slice(0, 2)).toEqual(['XRPUSDT', 'ETHUSDT']);
    expect(names('asc').slice(2).sort()).toEqual(['BTCUSDT', 'DOGEUSDT,NEWUSDT']);
  });
});
