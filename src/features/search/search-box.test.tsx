// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { I18nProvider } from '../../lib/i18n/i18n';
import { SearchBox } from './search-box';

afterEach(cleanup);

const symbols = [
  'BTCUSDC',
  'ETHUSDT',
  'BTCUSDT_260327',
  'BTCUSDT',
  'WBTCUSDT',
  '1000PEPEUSDT',
  '币安人生USDT',
];

/** The box as the dashboard holds it: the filter lives in the link, which `onFilter` rewrites. */
function setup(current?: string, initialFilter = '') {
  const onSearch = vi.fn();
  const onFilter = vi.fn();
  function Harness() {
    const [filter, setFilter] = useState(initialFilter);
    return (
      <SearchBox
        symbols={symbols}
        current={current}
        filter={filter}
        onSearch={onSearch}
        onFilter={(f) => {
          onFilter(f);
          setFilter(f);
        }}
      />
    );
  }
  render(
    <I18nProvider lang="en">
      <Harness />
    </I18nProvider>,
  );
  return { onSearch, onFilter, box: screen.getByRole('combobox', { name: 'Search symbol' }) };
}

describe('SearchBox', () => {
  it('suggests the likeliest symbol first and wraps the arrow keys around the list', async () => {
    const { box, onSearch } = setup();
    await userEvent.type(box, 'btc');
    const options = screen.getAllByRole('option').map((o) => o.textContent);
    expect(options).toEqual(['BTCUSDT', 'BTCUSDC', 'BTCUSDT_260327', 'WBTCUSDT']);
    expect(box.getAttribute('aria-expanded')).toBe('true');
    await userEvent.keyboard('{ArrowUp}');
    expect(screen.getByRole('option', { selected: true }).textContent).toBe('WBTCUSDT');
    await userEvent.keyboard('{ArrowDown}');
    const active = screen.getByRole('option', { selected: true });
    expect(active.textContent).toBe('BTCUSDT');
    expect(box.getAttribute('aria-activedescendant')).toBe(active.id);
    await userEvent.keyboard('{Enter}');
    expect(onSearch).toHaveBeenCalledWith('BTCUSDT', '');
    expect(screen.queryByRole('listbox')).toBeNull();
  });

  it('narrows the pool list as the user types, keeping only what a link keeps', async () => {
    const { box, onFilter, onSearch } = setup();
    await userEvent.type(box, 'pe<');
    expect(onFilter.mock.calls.map(([f]) => f)).toEqual(['p', 'pe']);
    expect(screen.getByRole('alert').textContent).toContain('other characters are ignored');
    expect(onSearch).not.toHaveBeenCalled();
  });

  it('opens the best suggestion on Enter: "pepe" is 1000PEPEUSDT, not an unknown PEPE', async () => {
    const { box, onSearch } = setup();
    await userEvent.type(box, 'pepe{Enter}');
    expect(onSearch).toHaveBeenCalledWith('1000PEPEUSDT', '');
    expect((box as HTMLInputElement).value).toBe('1000PEPEUSDT');
  });

  it('asks for the typed text, upper-cased, only when it matches no listed symbol', async () => {
    const { box, onSearch } = setup();
    await userEvent.type(box, 'dogeusdt{Enter}');
    expect(onSearch).toHaveBeenCalledWith('DOGEUSDT', '');
  });

  it('refuses text that cannot be a symbol, in words, without searching', async () => {
    const { box, onSearch } = setup();
    await userEvent.type(box, 'btc/usdt{Enter}');
    expect(screen.getByRole('alert').textContent).toContain('cannot be a futures symbol');
    expect(onSearch).not.toHaveBeenCalled();
    await userEvent.type(box, 'x');
    expect(screen.getByRole('alert').textContent).not.toContain('cannot be a futures symbol');
  });

  it('hands back the filter the link had before the search was typed, for Back to return to', async () => {
    const { box, onSearch } = setup(undefined, 'usdc');
    await userEvent.clear(box);
    await userEvent.type(box, 'ethusdt{Enter}');
    expect(onSearch).toHaveBeenCalledWith('ETHUSDT', 'usdc');
  });

  it('shows the symbol of the link, or the filter of the link', () => {
    const { box } = setup('币安人生USDT');
    expect((box as HTMLInputElement).value).toBe('币安人生USDT');
    cleanup();
    const filtered = setup(undefined, 'pepe');
    expect((filtered.box as HTMLInputElement).value).toBe('pepe');
  });

  it('Escape closes the suggestions, then clears the field and the filter', async () => {
    const { box, onFilter } = setup();
    await userEvent.type(box, 'eth');
    await userEvent.keyboard('{Escape}');
    expect(screen.queryByRole('listbox')).toBeNull();
    expect((box as HTMLInputElement).value).toBe('eth');
    await userEvent.keyboard('{Escape}');
    expect((box as HTMLInputElement).value).toBe('');
    expect(onFilter).toHaveBeenLastCalledWith('');
  });
});
