// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Pool } from '../../core/pool-schema';
import { AssetTable } from './asset-table';
import { poolKeyOfSymbol, shapeCharts } from './chart-data';

const t = 1763699400000;
const pools: Pool[] = [
  {
    symbols: ['BTCUSDT', 'ETHUSDT'],
    assets: [{ asset: 'USDT', marginBalance: '793930579.315848', updateTime: t }],
  },
  {
    symbols: ['币安人生USDT'],
    assets: [{ asset: 'USDT', marginBalance: '0.00000001', updateTime: t }],
  },
];

afterEach(cleanup);

function open() {
  const summary = screen.getByText('Table: USDT balance of each pool');
  fireEvent.click(summary);
  return screen.findByRole('table', { name: 'Table: USDT balance of each pool' });
}

describe('AssetTable', () => {
  it('lists every pool with its exact balance once opened', async () => {
    const chart = shapeCharts(pools)[0]!;
    render(<AssetTable chart={chart} navigate={vi.fn()} />);
    expect(screen.queryByRole('table')).toBeNull();
    const rows = within(await open())
      .getAllByRole('row')
      .slice(1);
    expect(rows.map((r) => r.textContent)).toEqual([
      '1BTC · ETH793,930,579.3158482',
      '2币安人生0.000000011',
    ]);
  });

  it('links each pool to its first member, keeping the other parameters', async () => {
    window.history.replaceState(null, '', '/?scale=linear&lang=en');
    const navigate = vi.fn();
    const scroll = vi.spyOn(window, 'scrollTo').mockImplementation(() => undefined);
    render(<AssetTable chart={shapeCharts(pools)[0]!} navigate={navigate} />);
    const link = within(await open()).getByRole('link', { name: '币安人生' });
    expect(link.getAttribute('href')).toBe(
      `/?scale=linear&lang=en&symbol=${encodeURIComponent('币安人生USDT')}`,
    );
    fireEvent.click(link);
    expect(navigate).toHaveBeenCalledWith({ symbol: '币安人生USDT' }, 'push');
    expect(scroll).toHaveBeenCalled();
  });

  it('leaves a click with a modifier key to the browser (new tab)', async () => {
    const navigate = vi.fn();
    render(<AssetTable chart={shapeCharts(pools)[0]!} navigate={navigate} />);
    const link = within(await open()).getByRole('link', { name: 'BTC · ETH' });
    let leftToBrowser = false;
    const stopJsdomNavigation = (e: Event) => {
      leftToBrowser = !e.defaultPrevented;
      e.preventDefault();
    };
    document.addEventListener('click', stopJsdomNavigation);
    fireEvent.click(link, { ctrlKey: true });
    document.removeEventListener('click', stopJsdomNavigation);
    expect(leftToBrowser).toBe(true);
    expect(navigate).not.toHaveBeenCalled();
  });

  it('marks the searched symbol’s pool in words, not only in colour', async () => {
    const chart = shapeCharts(pools, poolKeyOfSymbol(pools, 'ETHUSDT'))[0]!;
    render(<AssetTable chart={chart} navigate={vi.fn()} />);
    const row = within(await open()).getByRole('row', { name: /BTC · ETH/ });
    expect(row.textContent).toContain('pool of the searched symbol');
  });
});
