import { describe, expect, it } from 'vitest';
import { buildSymbolIndex, suggest } from './symbol-index';

const index = buildSymbolIndex([
  'ETHUSDT',
  'BTCUSDT',
  'BTCUSDT_260327',
  'WBTCUSDT',
  'BTCDOMUSDT',
  '币安人生USDT',
  'BTCUSDT',
]);

describe('suggest', () => {
  it('finds symbols containing the text in any case, those starting with it first', () => {
    expect(suggest(index, 'btc').matches).toEqual([
      'BTCUSDT',
      'BTCDOMUSDT',
      'BTCUSDT_260327',
      'WBTCUSDT',
    ]);
    expect(suggest(index, ' usdt_2 ').matches).toEqual(['BTCUSDT_260327']);
  });

  it('finds non-ASCII symbols by any part of them', () => {
    expect(suggest(index, '人生').matches).toEqual(['币安人生USDT']);
  });

  it('caps what it returns and says how many match in all', () => {
    const s = suggest(index, 'usdt', 3);
    expect(s.matches).toHaveLength(3);
    expect(s.total).toBe(6);
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
