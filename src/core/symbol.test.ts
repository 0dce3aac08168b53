import { describe, expect, it } from 'vitest';
import { normalizeSymbol } from './symbol.ts';

describe('normalizeSymbol', () => {
  it('upper-cases ASCII letters and keeps other scripts as typed', () => {
    expect(normalizeSymbol(' btcusdt ')).toEqual({ ok: true, symbol: 'BTCUSDT' });
    expect(normalizeSymbol('币安人生usdt')).toEqual({ ok: true, symbol: '币安人生USDT' });
    expect(normalizeSymbol('btcusdt_260327')).toEqual({ ok: true, symbol: 'BTCUSDT_260327' });
  });

  it('does not fold non-ASCII letters that have an upper case', () => {
    expect(normalizeSymbol('ßusdt')).toEqual({ ok: true, symbol: 'ßUSDT' });
  });

  it('refuses what cannot be a symbol', () => {
    expect(normalizeSymbol('   ')).toEqual({ ok: false, reason: 'empty' });
    expect(normalizeSymbol('A'.repeat(5000))).toEqual({ ok: false, reason: 'too-long' });
    for (const bad of [
      '../../fapi/v1/order',
      'BTC USDT',
      '<script>',
      'BTC%2FUSDT',
      'BTC\u0000',
      'a/b',
    ]) {
      expect(normalizeSymbol(bad).ok, bad).toBe(false);
    }
  });
});
