import { describe, expect, it } from 'vitest';
import type { Pool } from './pool-schema.ts';
import { changeKey, diffSnapshots } from './refresh-change.ts';

const pool = (symbols: string[], usdt: string): Pool => ({
  symbols,
  assets: [{ asset: 'USDT', marginBalance: usdt, updateTime: 1 }],
});

describe('diffSnapshots', () => {
  it('marks rises, falls and drops beyond the threshold', () => {
    const a = pool(['AUSDT'], '100');
    const b = pool(['BUSDT'], '100');
    const c = pool(['CUSDT'], '100');
    const d = pool(['DUSDT'], '100');
    const next = [
      pool(['AUSDT'], '100.00000001'),
      pool(['BUSDT'], '97'),
      pool(['CUSDT'], '94.9'),
      pool(['DUSDT'], '100.0'),
    ];
    const changes = diffSnapshots([a, b, c, d], next);
    expect(changes.get(changeKey(a, 'USDT'))?.change).toBe('up');
    expect(changes.get(changeKey(b, 'USDT'))).toEqual({ change: 'down', rel: -0.03 });
    expect(changes.get(changeKey(c, 'USDT'))).toEqual({ change: 'drop', rel: -0.051 });
    expect(changes.has(changeKey(d, 'USDT'))).toBe(false);
  });

  it('says how far a balance moved, and nothing relative for a move from zero', () => {
    const changes = diffSnapshots([pool(['AUSDT'], '0')], [pool(['AUSDT'], '5')]);
    expect(changes.get(changeKey(pool(['AUSDT'], '0'), 'USDT'))).toEqual({
      change: 'up',
      rel: undefined,
    });
  });

  it('does not compare a pool whose members changed', () => {
    expect(diffSnapshots([pool(['AUSDT'], '100')], [pool(['AUSDT', 'BUSDT'], '1')]).size).toBe(0);
  });
});
