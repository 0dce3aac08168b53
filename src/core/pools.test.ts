import { describe, expect, it } from 'vitest';
import type { Pool } from './pool-schema.ts';
import { documentedPool } from '../test/documented-answers';
import {
  assetsOf,
  baseOf,
  compareLikely,
  leadingSymbol,
  poolKey,
  poolName,
  rankByAsset,
  snapshotTime,
  totalsByAsset,
} from './pools.ts';

const t = 1745366402000;
const majors = documentedPool;
const alts: Pool = {
  symbols: ['XRPUSDT', 'ADAUSDT', 'BCHUSDT', 'DOTUSDT', 'LINKUSDT', 'LTCUSDT'],
  assets: [{ asset: 'USDT', marginBalance: '314151411.06482935', updateTime: t - 1000 }],
};
const small: Pool = {
  symbols: ['TSTUSDT', 'ACTUSDT'],
  assets: [{ asset: 'USDT', marginBalance: '5166686.84431694', updateTime: t }],
};

describe('pool naming', () => {
  it('names a pool by its best-known bases', () => {
    expect(poolName(majors)).toBe('BTC · ETH · BNB');
    expect(poolName(alts)).toBe('XRP · ADA · LINK');
    expect(poolName(small)).toBe('ACT · TST');
  });

  it('puts no count in the name, so it cannot disagree with the member count beside it', () => {
    const thirteen: Pool = {
      ...majors,
      symbols: [...majors.symbols, 'SOLUSDT', 'BTCUSDC', 'X1USDT'],
    };
    expect(poolName(thirteen)).toBe('BTC · ETH · BNB');
    expect(poolName(thirteen)).not.toMatch(/\d/);
  });

  it('opens a pool at the symbol it is named after, not its alphabetically first member', () => {
    expect(leadingSymbol(alts)).toBe('XRPUSDT');
    expect(leadingSymbol(majors)).toBe('BTCUSDT');
    expect(leadingSymbol({ symbols: [], assets: [] })).toBeUndefined();
  });

  it('finds the base of delivery, 1000-prefixed, BTC-quoted and non-ASCII symbols', () => {
    expect(baseOf('BTCUSDT_260327')).toBe('BTC');
    expect(baseOf('1000PEPEUSDT')).toBe('1000PEPE');
    expect(baseOf('ETHBTC')).toBe('ETH');
    expect(baseOf('币安人生USDT')).toBe('币安人生');
  });

  it('orders symbols as a reader means them: perpetual, then USDT, then USDC, then shorter', () => {
    const symbols = ['BTCUSDT_260327', 'ETHBTC', 'BTCDOMUSDT', 'BTCUSDC', 'BTCUSDT'];
    expect(symbols.sort(compareLikely)).toEqual([
      'BTCUSDT',
      'BTCDOMUSDT',
      'BTCUSDC',
      'ETHBTC',
      'BTCUSDT_260327',
    ]);
  });

  it('keys a pool by its members whatever their order', () => {
    expect(poolKey({ ...small, symbols: ['ACTUSDT', 'TSTUSDT'] })).toBe(poolKey(small));
  });
});

describe('pool figures', () => {
  const pools = [majors, alts, small];

  it('lists every asset in the snapshot, with no list written in the code', () => {
    expect(assetsOf(pools)).toEqual(['USDC', 'USDT', 'BTC', 'BNFCR']);
  });

  it('totals each asset exactly', () => {
    expect(totalsByAsset(pools).get('USDT')).toBe('1113248677.22499429');
    expect(totalsByAsset(pools).get('BTC')).toBe('61.73143554');
  });

  it('ranks a pool among the holders of an asset', () => {
    expect(rankByAsset(pools, alts, 'USDT')).toEqual({ rank: 2, of: 3 });
    expect(rankByAsset(pools, alts, 'BTC')).toBeUndefined();
  });

  it('takes the newest update as the snapshot time', () => {
    expect(snapshotTime(pools)).toBe(t);
  });
});
