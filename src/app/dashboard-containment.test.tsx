// @vitest-environment jsdom
import { cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ComponentProps } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { renderDashboard, twoPools } from './test-dashboard';

/** Which feature the next render breaks, as a bug in it would. */
const broken = vi.hoisted(() => ({ chart: false, search: false, pools: false }));

vi.mock('../features/charts/lazy-asset-charts', () => ({
  LazyAssetCharts: () => {
    if (broken.chart) throw new Error('chart blew up');
    return <p>charts drawn</p>;
  },
}));
vi.mock('../features/search/search-box', async (importOriginal) => {
  const real = await importOriginal<typeof import('../features/search/search-box')>();
  return {
    SearchBox: (props: ComponentProps<typeof real.SearchBox>) => {
      if (broken.search) throw new Error('search blew up');
      return <real.SearchBox {...props} />;
    },
  };
});
vi.mock('../features/pools/pools-overview', async (importOriginal) => {
  const real = await importOriginal<typeof import('../features/pools/pools-overview')>();
  return {
    ...real,
    PoolsOverview: (props: ComponentProps<typeof real.PoolsOverview>) => {
      if (broken.pools) throw new Error('list blew up');
      return <real.PoolsOverview {...props} />;
    },
  };
});

const now = Date.now();
const pools = twoPools(now);

const CRASHED = 'This part of the dashboard failed to show.';

const renderPage = () => renderDashboard(pools, now);

beforeEach(() => {
  broken.chart = broken.search = broken.pools = false;
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  // Nothing may leave for the network: the snapshot is already in the cache.
  vi.stubGlobal(
    'fetch',
    vi.fn(() => Promise.reject(new TypeError('no network in this test'))),
  );
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('one feature failing', () => {
  it('draws everything when nothing fails', async () => {
    const { caught } = renderPage();
    expect(await screen.findByText('charts drawn')).toBeTruthy();
    expect(screen.getAllByTestId('pool')).toHaveLength(2);
    expect(screen.queryByText(CRASHED, { exact: false })).toBeNull();
    expect(caught).toEqual([]);
  });

  it('a chart that throws leaves the list and the search working, with a message in its place', async () => {
    broken.chart = true;
    const { navigate, caught } = renderPage();
    // Other sections may say in their own alerts that they have no network here; the chart's is one of them.
    const crashed = await screen.findByText(CRASHED, { exact: false });
    expect(crashed.closest('[role="alert"]')).not.toBeNull();
    expect(screen.queryByText('charts drawn')).toBeNull();
    expect(caught).toEqual([expect.objectContaining({ message: 'chart blew up' })]);

    const list = screen.getAllByTestId('pool');
    expect(list).toHaveLength(2);
    expect(within(list[0]!).getByText('BTCUSDT')).toBeTruthy();
    expect(
      screen
        .getAllByTestId('balance')
        .map((b) => b.dataset.value)
        .sort(),
    ).toEqual(['5166686.84431694', '793930579.315848']);

    const box = screen.getByRole('combobox', { name: 'Search symbol' });
    await userEvent.type(box, 'pepe');
    const suggestions = screen.getByRole('listbox', { name: 'Suggestions' });
    expect(
      within(suggestions)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['1000PEPEUSDT']);
    await userEvent.clear(box);
    await userEvent.type(box, 'ethusdt{Enter}');
    expect(navigate).toHaveBeenLastCalledWith({ symbol: 'ETHUSDT', filter: undefined }, 'push');
  });

  it('a search box that throws leaves the list and the charts on screen', async () => {
    broken.search = true;
    const { caught } = renderPage();
    expect(
      (await screen.findByText(CRASHED, { exact: false })).closest('[role="alert"]'),
    ).not.toBeNull();
    expect(screen.queryByRole('combobox', { name: 'Search symbol' })).toBeNull();
    expect(screen.getAllByTestId('pool')).toHaveLength(2);
    expect(await screen.findByText('charts drawn')).toBeTruthy();
    expect(caught).toHaveLength(1);
  });

  it('a list that throws leaves the summary, the search and the charts', async () => {
    broken.pools = true;
    renderPage();
    expect(
      (await screen.findByText(CRASHED, { exact: false })).closest('[role="alert"]'),
    ).not.toBeNull();
    expect(screen.queryAllByTestId('pool')).toHaveLength(0);
    expect(screen.getByTestId('summary').textContent).toMatch(/2 pools/);
    expect(screen.getByRole('combobox', { name: 'Search symbol' })).toBeTruthy();
    expect(await screen.findByText('charts drawn')).toBeTruthy();
  });
});
