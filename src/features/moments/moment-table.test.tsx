// @vitest-environment jsdom
import { act, cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ValuationContext } from '../../components/valuation-context';
import { momentChanges } from '../../core/moment-change';
import type { Pool } from '../../core/pool-schema';
import { indexMap } from '../../core/valuation';
import { I18nProvider } from '../../lib/i18n/i18n';
import { FULL_LIST } from '../../lib/near-screen';
import { FIRST_ROWS } from '../../lib/use-near-rows';
import { placeOf, TestObserver } from '../../test/intersection-observer';
import { createValuation } from '../../core/pool-figures';
import { MomentTable } from './moment-table';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const AT = Date.UTC(2026, 11, 1, 21);
const pool = (symbols: string[], usdt: string, t = AT - 60_000): Pool => ({
  symbols,
  assets: [{ asset: 'USDT', marginBalance: usdt, updateTime: t }],
});
const vs = [pool(['BTCUSDT', 'DOGEUSDT'], '900.25'), pool(['XRPUSDT'], '80')];
const at = [
  pool(['BTCUSDT'], '1000'),
  pool(['DOGEUSDT'], '5'),
  pool(['XRPUSDT'], '60.5', AT - 7_200_000),
];

function show(sort: 'value' | 'changeVs', withVs = true) {
  const valuation = createValuation({
    index: indexMap([{ symbol: 'USDTUSD', index: '0.5', time: AT - 1000 }]),
    lowUsd: '100',
  });
  render(
    <I18nProvider lang="en">
      <ValuationContext value={valuation}>
        <MomentTable
          pools={at}
          at={AT}
          vs={withVs ? AT - 86_400_000 : undefined}
          changes={withVs ? momentChanges(at, vs) : undefined}
          sort={sort}
          dir={sort === 'changeVs' ? 'asc' : 'desc'}
          asset={undefined}
          onSort={vi.fn()}
          hrefOf={(s) => `?symbol=${s}`}
        />
      </ValuationContext>
    </I18nProvider>,
  );
  return screen.getAllByTestId('pool');
}

describe('every pool at a past moment', () => {
  it('values each pool with the index recorded then, and flags it as it stood then', () => {
    const rows = show('value', false);
    expect(rows.map((r) => r.getAttribute('data-pool-key'))).toEqual([
      'BTCUSDT',
      'XRPUSDT',
      'DOGEUSDT',
    ]);
    expect(within(rows[0]!).getByTestId('usd-value').getAttribute('data-value')).toBe('500.00');
    // under $100 then: Low; no snapshot for two hours before the moment: Stale
    const flags = (r: HTMLElement) =>
      within(r)
        .queryAllByTestId('pool-flag')
        .map((f) => f.getAttribute('data-flag'));
    expect(flags(rows[2]!)).toEqual(['low']);
    expect(flags(rows[1]!)).toEqual(['low', 'stale']);
    expect(flags(rows[0]!)).toEqual([]);
    expect(screen.queryAllByTestId('change')).toHaveLength(0);
  });

  it('gives the same pool’s exact change since vs and names a regrouping instead of a loss', () => {
    const rows = show('changeVs');
    expect(rows[0]!.getAttribute('data-pool-key')).toBe('XRPUSDT');
    const change = within(rows[0]!).getByTestId('change');
    expect(change.getAttribute('data-window')).toBe('vs');
    expect(change.getAttribute('data-value')).toBe('-19.5');
    expect(change.textContent).toMatch(/^-19\.5/);
    for (const r of rows.slice(1)) {
      const c = within(r).getByTestId('change');
      expect(c.getAttribute('data-regrouped')).toBe('true');
      expect(c.hasAttribute('data-value')).toBe(false);
      expect(within(r).getByTestId('moment-regrouped').textContent).toContain('BTC');
    }
  });
});

describe('a moment of a long pool list', () => {
  /** `count` pools, POOL<i>, holding `i * step + 0.5` USDT at the moment and `i` at vs. */
  const many = (count: number, step: number) =>
    Array.from({ length: count }, (_, i) =>
      pool([`POOL${i}USDT`, `POOL${i}USDC`], `${i * step}.5`),
    );
  const before = many(600, 1).map((p, i) => ({
    ...p,
    assets: [{ ...p.assets[0]!, marginBalance: `${i}` }],
  }));

  function table(pools: Pool[]) {
    return (
      <I18nProvider lang="en">
        <ValuationContext value={createValuation({ lowUsd: '0' })}>
          <MomentTable
            pools={pools}
            at={AT}
            vs={AT - 86_400_000}
            changes={momentChanges(pools, before)}
            sort="name"
            dir="asc"
            asset={undefined}
            onSort={vi.fn()}
            hrefOf={(s) => `?symbol=${s}`}
          />
        </ValuationContext>
      </I18nProvider>
    );
  }
  const rowOf = (symbol: string) =>
    screen.getAllByTestId('pool').find((row) => row.textContent?.includes(symbol))!;
  const figuresIn = (row: HTMLElement) => ({
    balances: within(row)
      .queryAllByTestId('balance')
      .map((b) => b.getAttribute('data-value')),
    changes: within(row)
      .queryAllByTestId('change')
      .map((c) => c.getAttribute('data-value')),
  });

  function watching() {
    TestObserver.all = [];
    vi.stubGlobal('IntersectionObserver', TestObserver);
  }

  it('keeps every pool and its members, but draws figures only near the screen', () => {
    watching();
    render(table(many(600, 1)));
    const rows = screen.getAllByTestId('pool');
    expect(rows).toHaveLength(600);
    const drawn = rows.filter((row) => figuresIn(row).balances.length > 0);
    expect(drawn).toHaveLength(FIRST_ROWS);
    const far = rows[500]!;
    const [first] = far.dataset.poolKey!.split(',');
    expect(far.textContent).toContain(first);
    expect(figuresIn(far)).toEqual({ balances: [], changes: [] });
    expect(far.getAttribute('aria-busy')).toBe('true');
    expect(within(far).getByText('USDT')).toBeTruthy();
    expect(rows[0]!.hasAttribute('aria-busy')).toBe(false);
  });

  it('draws a row as it nears the screen, with the figures of the moment now shown', () => {
    watching();
    const { rerender } = render(table(many(600, 1)));
    const observer = TestObserver.all.at(-1)!;
    const target = 'POOL450USDC';
    const place = screen
      .getAllByTestId('pool')
      .findIndex((row) => row.dataset.poolKey?.includes(target));
    act(() => observer.scroll((row) => Math.abs(placeOf(row) - place) <= 3));
    expect(figuresIn(rowOf(target))).toEqual({ balances: ['450.5'], changes: ['0.5'] });
    expect(figuresIn(screen.getAllByTestId('pool')[0]!).balances).toEqual([]);

    // Another moment while the row is far, then it nears again: the new moment's figures.
    act(() => observer.scroll(() => false));
    rerender(table(many(600, 2)));
    expect(figuresIn(rowOf(target)).balances).toEqual([]);
    act(() => observer.scroll((row) => placeOf(row) === place));
    expect(figuresIn(rowOf(target))).toEqual({ balances: ['900.5'], changes: ['450.5'] });
  });

  it('draws every row of a list the size of the live answer, watching nothing', () => {
    watching();
    render(table(many(FULL_LIST, 1)));
    const rows = screen.getAllByTestId('pool');
    expect(rows.every((row) => figuresIn(row).balances.length === 1)).toBe(true);
    expect(TestObserver.all.flatMap((o) => [...o.watched])).toHaveLength(0);
  });
});
