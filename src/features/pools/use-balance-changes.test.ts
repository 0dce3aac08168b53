// @vitest-environment jsdom
import { act, renderHook } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Pool } from '../../core/pool-schema';
import { changeKey } from '../../core/refresh-change';
import { MARK_MS, useBalanceChanges } from './use-balance-changes';

const pool = (symbol: string, usdt: string): Pool => ({
  symbols: [symbol],
  assets: [{ asset: 'USDT', marginBalance: usdt, updateTime: 1 }],
});

afterEach(() => vi.useRealTimers());

describe('useBalanceChanges', () => {
  it('marks what moved with a refresh, then clears the marks after a while', () => {
    vi.useFakeTimers();
    const first = [pool('AUSDT', '100'), pool('BUSDT', '100')];
    const { result, rerender } = renderHook(({ pools }) => useBalanceChanges(pools), {
      initialProps: { pools: first as Pool[] | undefined },
    });
    expect(result.current.size).toBe(0);

    const second = [first[0]!, pool('BUSDT', '90')];
    rerender({ pools: second });
    expect(result.current.get(changeKey(second[1]!, 'USDT'))?.change).toBe('drop');
    expect(result.current.has(changeKey(first[0]!, 'USDT'))).toBe(false);

    act(() => vi.advanceTimersByTime(MARK_MS + 10));
    expect(result.current.size).toBe(0);
  });

  it('compares each refresh with the one before it only', () => {
    const a = [pool('AUSDT', '100')];
    const b = [pool('AUSDT', '101')];
    const c = [pool('AUSDT', '101')];
    const { result, rerender } = renderHook(({ pools }) => useBalanceChanges(pools), {
      initialProps: { pools: a },
    });
    rerender({ pools: b });
    expect(result.current.get(changeKey(b[0]!, 'USDT'))?.change).toBe('up');
    rerender({ pools: c });
    expect(result.current.size).toBe(0);
  });
});
