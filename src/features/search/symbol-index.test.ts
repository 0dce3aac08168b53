import { describe, expect, it } from 'vitest';
import { buildSymbolIndex, suggest } from './symbol-index';

const index = buildSymbolIndex([
  'ETHUSDT',
  'ETHBTC',
  'ETHFIUSDT',
  'BTCUSDC',
  'BTCUSDT_260327',
  'BTCUSDT',
  'WBTCUSDT',
  'BTCDOMUSDT',
  '1000PEPEUSDC',
  '1000PEPEUSDT',
  'PEPEUSDT_X',
  '币安人生USDT',
  'BTCUSDT',
]);

describe('suggest', () => {
  it('lists BTCUSDT first for "btc": the base asset typed, USDT before USDC, perpetual before dated', () => {
    expect(suggest(index, 'btc').matches).toEqual([
      'BTCUSDT',
      'BTCUSDC',
      'BTCUSDT_260327',
      'BTCDOMUSDT',
      'WBTCUSDT',
      'ETHBTC',
    ]);
  });

  it('puts the symbol typed in full first, then the ones built on it', () => {
    expect(suggest(index, 'btcusdt').matches).toEqual(['BTCUSDT', 'BTCUSDT_260327', 'WBTCUSDT']);
    expect(suggest(index, 'ETHBTC').matches[0]).toBe('ETHBTC');
  });

  it('reads a base counted in thousands as the base: "pepe" means 1000PEPEUSDT', () => {
    expect(suggest(index, 'pepe').matches).toEqual(['1000PEPEUSDT', '1000PEPEUSDC', 'PEPEUSDT_X']);
  });

  it('finds symbols containing the text in any case and any script', () => {
    expect(suggest(index, ' usdt_2 ').matches).toEqual(['BTCUSDT_260327']);
    expect(suggest(index, '人生').matches).toEqual(['币安人生USDT']);
    expect(suggest(index, 'eth').matches.slice(0, 3)).toEqual(['ETHUSDT', 'ETHBTC', 'ETHFIUSDT']);
  });

  it('caps what it returns and says how many match in all', () => {
    const s = suggest(index, 'usdt', 3);
    expect(s.matches).toHaveLength(3);
    expect(s.total).toBe(9);
  });

  it('suggests nothing for an empty text or one nothing contains', () => {
    expect(suggest(index, '   ')).toEqual({ matches: [], total: 0 });
    expect(suggest(index, 'dogeusdt')).toEqual({ matches: [], total: 0 });
  });

  it('answers a keystroke among 6,000 symbols in well under a frame', () => {
    const big = buildSymbolIndex(Array.from({ length: 6000 }, (_, i) => `X${i}ABCUSDT`));
    const start = performance.now();
    for (let i = 0; i < 20; i += 1) suggest(big, `${i}ab`);
    expect((performance.now() - start) / 20).toBeLessThan(8);
  });
});
