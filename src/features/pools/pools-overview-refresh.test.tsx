// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Pool } from '../../core/pool-schema';
import { diffSnapshots } from '../../core/refresh-change';
import { I18nProvider } from '../../lib/i18n/i18n';
import { PoolsOverview } from './pools-overview';

/** Which pools' balances were rendered, by asset and value. */
const rendered = vi.hoisted(() => ({ values: [] as string[] }));
vi.mock('../../components/balance', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../components/balance')>();
  return {
    Balance: (props: Parameters<typeof actual.Balance>[0]) => {
      rendered.values.push(props.balance.marginBalance);
      return actual.Balance(props);
    },
  };
});

afterEach(() => {
  cleanup();
  rendered.values = [];
});

const t = Date.UTC(2026, 10, 21, 4, 30);
const pool = (symbols: string[], usdt: string): Pool => ({
  symbols,
  assets: [{ asset: 'USDT', marginBalance: usdt, updateTime: t }],
});

/** As the app's own: one function for the page's whole life. */
const navigate = vi.fn();

function overview(pools: readonly Pool[], previous?: readonly Pool[]) {
  return (
    <I18nProvider lang="en">
      <PoolsOverview
        pools={pools}
        changes={previous ? diffSnapshots(previous, pools) : new Map()}
        sort="balance"
        asset={undefined}
        dir="desc"
        filter=""
        navigate={navigate}
      />
    </I18nProvider>
  );
}

describe('PoolsOverview on a refresh', () => {
  it('re-renders only the row whose pool changed, and shows its new balance and mark', () => {
    const before = [pool(['BTCUSDT'], '900'), pool(['XRPUSDT'], '70'), pool(['PEPEUSDT'], '5')];
    const view = render(overview(before));
    expect(rendered.values).toHaveLength(3);
    rendered.values = [];

    // As the query's structural sharing hands it over: unchanged pools keep their objects.
    const after = [before[0]!, pool(['XRPUSDT'], '71.5'), before[2]!];
    view.rerender(overview(after, before));

    expect(rendered.values).toEqual(['71.5']);
    const moved = screen.getAllByTestId('balance').find((b) => b.dataset.value === '71.5');
    expect(moved?.dataset.change).toBe('up');
    expect(screen.getAllByTestId('balance').map((b) => b.dataset.value)).toEqual([
      '900',
      '71.5',
      '5',
    ]);
  });

  it('keeps every row in its place when pools change order, showing the pool now there', () => {
    const before = [pool(['BTCUSDT'], '900'), pool(['XRPUSDT'], '70'), pool(['PEPEUSDT'], '5')];
    const view = render(overview(before));
    const cards = screen.getAllByTestId('pool');
    rendered.values = [];

    const after = [before[0]!, pool(['XRPUSDT'], '1.5'), before[2]!];
    view.rerender(overview(after, before));

    expect(screen.getAllByTestId('pool')).toEqual(cards);
    expect(screen.getAllByRole('heading', { level: 3 }).map((h) => h.textContent)).toEqual([
      'BTC',
      'PEPE',
      'XRP',
    ]);
    expect(rendered.values.sort()).toEqual(['1.5', '5']);
    expect(cards[2]!.querySelector('[data-testid="balance"]')?.getAttribute('data-change')).toBe(
      'drop',
    );
    expect(cards[1]!.querySelector('[data-testid="balance"]')?.hasAttribute('data-change')).toBe(
      false,
    );
  });
});
