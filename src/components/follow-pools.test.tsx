// @vitest-environment jsdom
import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Pool } from '../core/pool-schema';
import { indexMap } from '../core/valuation';
import { createValuation, type Valuation } from '../core/pool-figures';
import { ValuationWithPools } from './follow-pools';
import { ValuationContext, useValuationContext } from './valuation-context';

const AT = Date.UTC(2026, 11, 2, 8);
const pool = (usdt: string): Pool[] => [
  { symbols: ['BTCUSDT'], assets: [{ asset: 'USDT', marginBalance: usdt, updateTime: AT }] },
];
const priced = (index: string) =>
  createValuation({
    lowUsd: '1',
    index: indexMap([{ symbol: 'USDTUSD', index, time: AT }]),
  });

/** What a card below would show: the pool's value at the valuation it is given. */
function Value({ pools }: { pools: Pool[] }) {
  const valuation = useValuationContext();
  return <p data-testid="value">{valuation.poolValue(pools[0]!)?.usd ?? 'none'}</p>;
}

function page(valuation: Valuation, pools: Pool[], refreshMs = 5_000) {
  return (
    <ValuationContext value={valuation}>
      <ValuationWithPools pools={pools} refreshMs={refreshMs}>
        <Value pools={pools} />
      </ValuationWithPools>
    </ValuationContext>
  );
}
const shown = () => screen.getByTestId('value').textContent;

beforeEach(() => vi.useFakeTimers());
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

describe('the valuation lands with the pool list', () => {
  it('holds a new index until the next pool list, then shows both together', () => {
    const first = pool('100');
    const { rerender } = render(page(priced('1'), first));
    expect(shown()).toBe('100.00');
    rerender(page(priced('0.5'), first));
    expect(shown()).toBe('100.00');
    rerender(page(priced('0.5'), pool('300')));
    expect(shown()).toBe('150.00');
  });

  it('shows a held index once the refresh period passes without a pool list', () => {
    const first = pool('100');
    const { rerender } = render(page(priced('1'), first, 5_000));
    rerender(page(priced('0.5'), first, 5_000));
    act(() => vi.advanceTimersByTime(4_999));
    expect(shown()).toBe('100.00');
    act(() => vi.advanceTimersByTime(1));
    expect(shown()).toBe('50.00');
  });

  it('shows a first index, or another Low threshold, at once', () => {
    const first = pool('100');
    const { rerender } = render(page(createValuation({ lowUsd: '1' }), first));
    expect(shown()).toBe('none');
    rerender(page(priced('2'), first));
    expect(shown()).toBe('200.00');
    const otherLow = createValuation({
      lowUsd: '500',
      index: indexMap([{ symbol: 'USDTUSD', index: '3', time: AT }]),
    });
    rerender(page(otherLow, first));
    expect(shown()).toBe('300.00');
  });
});
