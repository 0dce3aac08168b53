// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Pool } from '../../core/pool-schema';
import { I18nProvider } from '../../lib/i18n/i18n';
import { PoolsOverview, sortAsset } from './pools-overview';

afterEach(cleanup);

const pool = (symbols: string[], usdt: string): Pool => ({
  symbols,
  assets: [{ asset: 'USDT', marginBalance: usdt, updateTime: Date.now() }],
});
const pools = [
  pool(['XRPUSDT'], '5'),
  pool(['BTCUSDT', 'ETHUSDT'], '900'),
  pool(['PEPEUSDT'], '70'),
];

function show(list: Pool[], filter = '') {
  const navigate = vi.fn();
  render(
    <I18nProvider lang="en">
      <PoolsOverview
        pools={list}
        changes={new Map()}
        sort="balance"
        asset={undefined}
        dir="desc"
        filter={filter}
        navigate={navigate}
      />
    </I18nProvider>,
  );
  return navigate;
}

describe('PoolsOverview', () => {
  it('lists every pool, largest USDT balance first', () => {
    show(pools);
    const names = screen.getAllByRole('heading', { level: 3 }).map((h) => h.textContent);
    expect(names).toEqual(['BTC · ETH', 'PEPE', 'XRP']);
    expect(screen.getByRole('status').textContent).toBe('Showing 3 of 3 pools');
  });

  it('narrows to the filter and says so when nothing matches', async () => {
    show(pools, 'eth');
    expect(screen.getAllByTestId('pool')).toHaveLength(1);
    cleanup();
    const navigate = show(pools, 'doge');
    expect(screen.queryAllByTestId('pool')).toHaveLength(0);
    expect(screen.getByTestId('pools-empty').textContent).toContain(
      'No pool has a symbol containing “doge”',
    );
    await userEvent.click(screen.getByRole('button', { name: 'Clear filter' }));
    expect(navigate).toHaveBeenCalledWith({ filter: undefined }, 'replace');
  });

  it('says so in an alert when the exchange has never listed a pool', () => {
    show([]);
    expect(screen.getByRole('alert').textContent).toBe(
      'The exchange listed no insurance pools in this snapshot.',
    );
  });

  it('marks in each member list what the search text matched, and has no filter box of its own', () => {
    show([pool(['1000PEPEUSDT', 'PEOPLEUSDT', 'DOGEUSDT'], '5')], 'pe');
    const marks = screen.getAllByTestId('filter-match');
    expect(marks.map((m) => [m.textContent, m.parentElement?.textContent])).toEqual([
      ['PE', '1000PEPEUSDT'],
      ['PE', 'PEOPLEUSDT'],
    ]);
    expect(screen.queryByRole('textbox')).toBeNull();
    expect(screen.queryByRole('searchbox')).toBeNull();
  });

  it('offers the dollar value first, and choosing it drops the asset from the link', async () => {
    const navigate = show(pools);
    const sort = screen.getByLabelText('Sort by');
    expect([...sort.querySelectorAll('option')].map((o) => o.textContent)).toEqual([
      'Value (USD)',
      'Balance',
      'Number of symbols',
      'Name',
      'Change over 1 h',
      'Change over 24 h',
      'Change over 7 d',
      'ADL risk (most rated high first)',
    ]);
    await userEvent.selectOptions(sort, 'value');
    expect(navigate).toHaveBeenLastCalledWith(
      { sort: undefined, asset: undefined, dir: undefined },
      'replace',
    );
    await userEvent.selectOptions(sort, 'members');
    expect(navigate).toHaveBeenLastCalledWith({ sort: 'members', dir: undefined }, 'replace');
  });
});

describe('sortAsset', () => {
  it('takes the link’s asset when the snapshot holds it, else USDT, else the first', () => {
    expect(sortAsset(['USDC', 'USDT'], 'USDC')).toBe('USDC');
    expect(sortAsset(['USDC', 'USDT'], 'BTC')).toBe('USDT');
    expect(sortAsset(['USDC', 'BTC'], undefined)).toBe('USDC');
  });
});
