// @vitest-environment jsdom
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ValuationContext } from '../../components/valuation-context';
import type { Pool } from '../../core/pool-schema';
import { indexMap } from '../../core/valuation';
import { I18nProvider } from '../../lib/i18n/i18n';
import type { Sort } from '../../lib/url-state';
import { createValuation } from '../../core/pool-figures';
import { OVERVIEW_AT, overviewAsset, overviewPool } from '../../test/overview-pool';
import { PoolsOverview } from './pools-overview';

afterEach(cleanup);

const pool = (symbols: string[], usdt: string): Pool => ({
  symbols,
  assets: [{ asset: 'USDT', marginBalance: usdt, updateTime: OVERVIEW_AT }],
});
const many = Array.from({ length: 12 }, (_, i) => `MEMBER${i}USDT`);
const pools = [
  pool(['XRPUSDT'], '50'),
  pool(['BTCUSDT', 'ETHUSDT'], '900'),
  pool(['PEPEUSDT', ...many], '70'),
];
const history = new Map(
  [
    overviewPool({ symbols: ['XRPUSDT'], assets: [overviewAsset('USDT', '50', { '24h': '100' })] }),
    overviewPool({
      symbols: ['BTCUSDT', 'ETHUSDT'],
      assets: [overviewAsset('USDT', '900', { '24h': '890', '1h': '901' })],
    }),
    overviewPool({
      symbols: ['PEPEUSDT', ...many],
      assets: [overviewAsset('USDT', '70', { '24h': '77' })],
    }),
  ].map((h) => [h.key, h]),
);
const valuation = createValuation({
  lowUsd: '1',
  history,
  index: indexMap([{ symbol: 'USDTUSD', index: '1', time: OVERVIEW_AT }]),
});

function show(sort: Sort, dir: 'asc' | 'desc') {
  const navigate = vi.fn();
  render(
    <I18nProvider lang="en">
      <ValuationContext value={valuation}>
        <PoolsOverview
          pools={pools}
          changes={new Map()}
          sort={sort}
          asset={undefined}
          dir={dir}
          filter=""
          navigate={navigate}
        />
      </ValuationContext>
    </I18nProvider>,
  );
  return navigate;
}

const names = () => screen.getAllByRole('heading', { level: 3 }).map((h) => h.textContent);
const heading = (name: string) =>
  screen.getByRole('columnheader', { name: new RegExp(`^${name}`) });

describe('the pools table', () => {
  it('sorts by the change over 24 h with the largest fall first, and says so in aria-sort', () => {
    show('change24h', 'asc');
    expect(names()).toEqual(['XRP', 'PEPE · MEMBER0 · MEMBER1', 'BTC · ETH']);
    expect(heading('24 h').getAttribute('aria-sort')).toBe('ascending');
    expect(heading('Value').getAttribute('aria-sort')).toBeNull();
    const rows = screen.getAllByTestId('pool');
    const focus = within(rows[0]!).getByTestId('pool-change');
    expect(focus.dataset).toMatchObject({ window: '24h', basis: 'usd', value: '-50.00' });
  });

  it('sorts by a column from its heading, from the keyboard too, and reverses on a second press', async () => {
    const navigate = show('value', 'desc');
    const user = userEvent.setup();
    within(heading('7 d')).getByRole('button').focus();
    await user.keyboard('{Enter}');
    expect(navigate).toHaveBeenLastCalledWith({ sort: 'change7d', dir: undefined }, 'replace');
    await user.click(within(heading('Value')).getByRole('button'));
    expect(navigate).toHaveBeenLastCalledWith({ dir: 'asc' }, 'replace');
    await user.click(within(heading('Pool')).getByRole('button'));
    expect(navigate).toHaveBeenLastCalledWith({ sort: 'name', dir: undefined }, 'replace');
    expect(heading('Last 24 h').querySelector('button')).toBeNull();
  });

  it('holds every member of a pool as text, folding a long list behind a button', async () => {
    show('value', 'desc');
    const row = screen.getAllByTestId('pool').find((r) => r.textContent!.includes('PEPEUSDT'))!;
    for (const s of many) expect(row.textContent).toContain(s);
    const toggle = within(row).getByRole('button', { name: 'Show all 13 symbols' });
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    await userEvent.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    expect(toggle.textContent).toBe('Show fewer symbols');
    const short = screen.getAllByTestId('pool').find((r) => r.textContent!.includes('XRPUSDT'))!;
    expect(within(short).queryByRole('button', { name: /Show all/ })).toBeNull();
  });

  it('gives each balance its changes beside it, in words where the history is too short', () => {
    show('value', 'desc');
    const btc = screen.getAllByTestId('pool')[0]!;
    const of = (w: string) => btc.querySelector(`[data-testid="change"][data-window="${w}"]`);
    expect(of('24h')?.getAttribute('data-value')).toBe('10');
    expect(of('1h')?.getAttribute('data-value')).toBe('-1');
    expect(of('7d')).toBeNull();
    expect(btc.querySelector('[data-testid="change-none"][data-window="7d"]')?.textContent).toBe(
      'not enough history',
    );
  });
});
