import { describe, expect, it } from 'vitest';
import type { Pool } from '../../core/pool-schema';
import { changeKey } from '../../core/refresh-change';
import { poolKey } from '../../core/pools';
import type { AlertView } from '../../core/alerts';
import { alertedSymbols, attentionOrder, type AttentionInputs } from './wall-order';

function pool(symbol: string, balance: string): Pool {
  return { symbols: [symbol], assets: [{ asset: 'USDT', marginBalance: balance, updateTime: 1 }] };
}

const big = pool('BTCUSDT', '800000000');
const mid = pool('ETHUSDT', '90000000');
const small = pool('ZRXUSDT', '200000');
const falling = pool('AAVEUSDT', '5000000');
const tiny = pool('IPUSDT', '50000');

function inputs(over: Partial<AttentionInputs> = {}): AttentionInputs {
  return {
    keyOf: poolKey,
    flagged: () => false,
    low: () => false,
    fall: () => undefined,
    usd: (p) => p.assets[0]!.marginBalance,
    drops: new Map(),
    ...over,
  };
}

const names = (pools: readonly Pool[]) => pools.map((p) => p.symbols[0]);

describe('attentionOrder', () => {
  it('orders a quiet market by worth, the largest first, not by name', () => {
    expect(names(attentionOrder([small, falling, big, mid], inputs()))).toEqual([
      'BTCUSDT',
      'ETHUSDT',
      'AAVEUSDT',
      'ZRXUSDT',
    ]);
  });

  it('puts a pool falling over 24 h first, the largest fall first, ahead of larger pools', () => {
    const fall = (p: Pool) =>
      p === falling ? -0.08 : p === small ? -0.03 : p === big ? -0.001 : 0;
    expect(names(attentionOrder([big, mid, small, falling], inputs({ fall })))).toEqual([
      'AAVEUSDT',
      'ZRXUSDT',
      'BTCUSDT',
      'ETHUSDT',
    ]);
  });

  it('puts a held drop first, then a drawn-down pool, then a Low one, then the largest', () => {
    const drops = new Map([[changeKey(small, 'USDT'), {}]]);
    const flagged = (p: Pool) => p === falling;
    const low = (p: Pool) => p === tiny || p === small;
    const order = names(
      attentionOrder([big, mid, falling, small, tiny], inputs({ drops, flagged, low })),
    );
    expect(order).toEqual(['ZRXUSDT', 'AAVEUSDT', 'IPUSDT', 'BTCUSDT', 'ETHUSDT']);
  });

  it('keeps a small pool with a sharp drop ahead of many Low pools', () => {
    const lows = Array.from({ length: 30 }, (_, i) => pool(`L${i}USDT`, String(50_000 + i)));
    const drops = new Map([[changeKey(tiny, 'USDT'), {}]]);
    const order = attentionOrder([...lows, tiny, big], inputs({ drops, low: (p) => p !== big }));
    expect(order[0]).toBe(tiny);
    expect(order.at(-1)).toBe(big);
  });

  it('puts a small pool with an active alert ahead of larger quiet pools', () => {
    const alert = (symbols: string[], symbol: string | null): AlertView => ({
      id: '1',
      rule: 'r',
      kind: symbols.length === 0 ? 'stale' : 'fall',
      pool: { name: symbols.join(' '), symbols },
      symbol,
      asset: null,
      value: null,
      reference: null,
      startsAt: 0,
      endsAt: null,
      summary: '',
      delivery: 'sent',
    });
    const alerted = alertedSymbols([alert(['ZRXUSDT'], null), alert([], null)]);
    expect([...alerted]).toEqual(['ZRXUSDT']);
    const flagged = (p: Pool) => p.symbols.some((s) => alerted.has(s));
    expect(names(attentionOrder([big, mid, small, tiny], inputs({ flagged })))).toEqual([
      'ZRXUSDT',
      'BTCUSDT',
      'ETHUSDT',
      'IPUSDT',
    ]);
    expect(alertedSymbols(undefined).size).toBe(0);
  });

  it('puts pools without a dollar value after the valued ones, in a stable order', () => {
    const usd = (p: Pool) => (p === big ? undefined : p.assets[0]!.marginBalance);
    expect(names(attentionOrder([big, small, mid], inputs({ usd })))).toEqual([
      'ETHUSDT',
      'ZRXUSDT',
      'BTCUSDT',
    ]);
  });
});
