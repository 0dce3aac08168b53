// @vitest-environment jsdom
import { act, cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Pool } from '../../core/pool-schema';
import { I18nProvider } from '../../lib/i18n/i18n';
import { FULL_LIST } from '../../lib/near-screen';
import { placeOf, TestObserver } from '../../test/intersection-observer';
import { OVERVIEW_AT } from '../../test/overview-pool';
import { PoolsOverview } from './pools-overview';
import { FIRST_ROWS } from '../../lib/use-near-rows';

beforeEach(() => {
  TestObserver.all = [];
  vi.stubGlobal('IntersectionObserver', TestObserver);
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

/** `count` pools, the i-th holding `i * step` USDT, named POOL<i>USDT. */
function poolsOf(count: number, step = 1): Pool[] {
  return Array.from({ length: count }, (_, i) => ({
    symbols: [`POOL${i}USDT`, `POOL${i}USDC`],
    assets: [{ asset: 'USDT', marginBalance: `${i * step}.5`, updateTime: OVERVIEW_AT }],
  }));
}

function table(pools: Pool[], filter = '') {
  return (
    <I18nProvider lang="en">
      <PoolsOverview
        pools={pools}
        changes={new Map()}
        sort="name"
        asset={undefined}
        dir="asc"
        filter={filter}
        navigate={vi.fn()}
      />
    </I18nProvider>
  );
}

const rowOf = (symbol: string) =>
  screen.getAllByTestId('pool').find((row) => row.textContent?.includes(symbol))!;
const balanceIn = (row: HTMLElement) =>
  within(row)
    .queryAllByTestId('balance')
    .map((b) => b.getAttribute('data-value'));

describe('a long pool list', () => {
  it('draws every row of a list the size of the live answer, watching nothing', () => {
    render(table(poolsOf(FULL_LIST)));
    const rows = screen.getAllByTestId('pool');
    expect(rows).toHaveLength(FULL_LIST);
    expect(rows.every((row) => within(row).queryAllByTestId('balance').length === 1)).toBe(true);
    expect(TestObserver.all.flatMap((o) => [...o.watched])).toHaveLength(0);
  });

  it('keeps every row and member, but draws figures only near the screen', () => {
    render(table(poolsOf(600)));
    const rows = screen.getAllByTestId('pool');
    expect(rows).toHaveLength(600);
    // Before the browser reports, the first screenful has its figures.
    expect(rows.filter((row) => within(row).queryAllByTestId('balance').length > 0)).toHaveLength(
      FIRST_ROWS,
    );
    const far = rows[500]!;
    expect(far.textContent).toContain(far.dataset.poolKey!.split(',')[0]);
    expect(balanceIn(far)).toEqual([]);
    expect(far.getAttribute('aria-busy')).toBe('true');
    expect(within(far).getByText('USDT')).toBeTruthy();
  });

  it('draws a row as it nears the screen, with the latest figures, and lets go of the ones it leaves', () => {
    const { rerender } = render(table(poolsOf(600)));
    const observer = TestObserver.all.at(-1)!;
    const sortedNames = screen.getAllByTestId('pool').map((row) => row.dataset.poolKey);
    const target = 'POOL450USDC';
    const place = sortedNames.findIndex((key) => key?.includes(target));
    act(() => observer.scroll((row) => Math.abs(placeOf(row) - place) <= 3));
    expect(balanceIn(rowOf(target))).toEqual(['450.5']);
    expect(balanceIn(screen.getAllByTestId('pool')[0]!)).toEqual([]);

    // A refresh while held, then the row comes near again: it shows the refreshed balance.
    act(() => observer.scroll(() => false));
    rerender(table(poolsOf(600, 2)));
    expect(balanceIn(rowOf(target))).toEqual([]);
    act(() => observer.scroll((row) => placeOf(row) === place));
    expect(balanceIn(rowOf(target))).toEqual(['900.5']);
  });

  it('draws every row again when a filter narrows the list to a short one', () => {
    const { rerender } = render(table(poolsOf(600)));
    act(() => TestObserver.all.at(-1)!.scroll(() => false));
    rerender(table(poolsOf(600), 'POOL45'));
    const rows = screen.getAllByTestId('pool');
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.length).toBeLessThanOrEqual(FULL_LIST);
    expect(rows.every((row) => balanceIn(row).length === 1)).toBe(true);
  });
});
