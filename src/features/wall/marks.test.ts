import { describe, expect, it } from 'vitest';
import type { Pool } from '../../core/pool-schema';
import { changeKey } from '../../core/refresh-change';
import {
  activeChanges,
  advanceMarks,
  DROP_HOLD_MS,
  heldDrops,
  lastExpiry,
  MARK_HOLD_MS,
} from './marks';

const pool = (usdt: string, updateTime: number, symbols = ['BTCUSDT']): Pool => ({
  symbols,
  assets: [{ asset: 'USDT', marginBalance: usdt, updateTime }],
});
const key = changeKey(pool('1', 0), 'USDT');

describe('advanceMarks', () => {
  it('marks nothing on the first snapshot', () => {
    expect(advanceMarks(new Map(), undefined, [pool('100', 1)], 1000).size).toBe(0);
  });

  it('marks a rise and a fall differently, and forgets them after the hold time', () => {
    const up = advanceMarks(new Map(), [pool('100', 1)], [pool('101', 2)], 1000);
    expect(activeChanges(up, 1000).get(key)?.change).toBe('up');
    const down = advanceMarks(new Map(), [pool('100', 1)], [pool('99', 2)], 1000);
    expect(activeChanges(down, 1000).get(key)?.change).toBe('down');
    expect(activeChanges(down, 1000 + MARK_HOLD_MS - 1).get(key)?.change).toBe('down');
    expect(activeChanges(down, 1000 + MARK_HOLD_MS).has(key)).toBe(false);
    const later = advanceMarks(down, [pool('99', 2)], [pool('99', 3)], 1000 + MARK_HOLD_MS);
    expect(later.size).toBe(0);
  });

  it('holds a drop for an hour, whatever snapshots come after it, with what it fell from and to', () => {
    const dropped = advanceMarks(new Map(), [pool('100', 1)], [pool('94', 2)], 1000);
    expect(heldDrops(dropped, 1000).get(key)).toMatchObject({ from: '100', to: '94' });
    let marks = dropped;
    for (let i = 1; i <= 59; i += 1)
      marks = advanceMarks(marks, [pool('94', i + 1)], [pool('94.1', i + 2)], 1000 + i * 60_000);
    expect(activeChanges(marks, 1000 + DROP_HOLD_MS - 1).get(key)?.change).toBe('drop');
    expect(activeChanges(marks, 1000 + DROP_HOLD_MS).has(key)).toBe(false);
    expect(heldDrops(marks, 1000 + DROP_HOLD_MS).size).toBe(0);
  });

  it('holds a drop as long as the link asks', () => {
    const times = { dropHoldMs: 5 * 60_000 };
    const dropped = advanceMarks(new Map(), [pool('100', 1)], [pool('90', 2)], 0, times);
    expect(heldDrops(dropped, 5 * 60_000 - 1, times).size).toBe(1);
    expect(heldDrops(dropped, 5 * 60_000, times).size).toBe(0);
    expect(lastExpiry(dropped, 6 * 60_000, times)).toBe(5 * 60_000);
  });

  it('does not let a small move hide a drop that is still marked', () => {
    const dropped = advanceMarks(new Map(), [pool('100', 1)], [pool('90', 2)], 1000);
    const bounced = advanceMarks(dropped, [pool('90', 2)], [pool('91', 3)], 2000);
    expect(activeChanges(bounced, 2000).get(key)?.change).toBe('drop');
    expect(activeChanges(bounced, 1000 + MARK_HOLD_MS).get(key)?.change).toBe('drop');
  });

  it('adds a further drop to the one held, from the balance before the first', () => {
    const first = advanceMarks(new Map(), [pool('100', 1)], [pool('90', 2)], 1000);
    const second = advanceMarks(first, [pool('90', 2)], [pool('80', 3)], 61_000);
    expect(heldDrops(second, 61_000).get(key)).toMatchObject({
      from: '100',
      to: '80',
      at: 61_000,
      move: { change: 'drop', rel: -0.2 },
    });
  });

  it('marks only moves of 1 % or more, with their size; noise below that stays unmarked', () => {
    const noise = advanceMarks(new Map(), [pool('100', 1)], [pool('100.9', 2)], 1000);
    expect(noise.size).toBe(0);
    const news = advanceMarks(new Map(), [pool('100', 1)], [pool('98.5', 2)], 1000);
    expect(activeChanges(news, 1000).get(key)).toEqual({ change: 'down', rel: -0.015 });
    const fromZero = advanceMarks(new Map(), [pool('0', 1)], [pool('0.5', 2)], 1000);
    expect(activeChanges(fromZero, 1000).get(key)).toEqual({ change: 'up', rel: undefined });
  });

  it('a 5 % threshold can be changed', () => {
    const marks = advanceMarks(new Map(), [pool('100', 1)], [pool('97', 2)], 1000, {
      dropThreshold: 0.02,
    });
    expect(marks.get(key)?.move.change).toBe('drop');
  });

  it('keeps no mark for a pool that left the snapshot', () => {
    const marks = advanceMarks(new Map(), [pool('100', 1)], [pool('50', 2)], 1000);
    const moved = advanceMarks(marks, [pool('50', 2)], [pool('50', 2, ['BTCUSDT', 'X'])], 2000);
    expect(moved.size).toBe(0);
  });
});

describe('lastExpiry', () => {
  it('stays put between two expiries, so the shown set changes only when a mark ends', () => {
    const a = advanceMarks(new Map(), [pool('100', 1)], [pool('101', 2)], 1000);
    expect(lastExpiry(a, 5000)).toBe(0);
    expect(lastExpiry(a, 1000 + MARK_HOLD_MS + 7)).toBe(1000 + MARK_HOLD_MS);
    const horizon = lastExpiry(a, 5000);
    expect(activeChanges(a, horizon)).toEqual(activeChanges(a, 5000));
  });
});
