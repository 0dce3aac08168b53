// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { I18nProvider } from '../../lib/i18n/i18n';
import { SearchBox } from './search-box';

afterEach(cleanup);

const symbols = ['BTCUSDT', 'ETHUSDT', 'BTCUSDT_260327', 'WBTCUSDT', '币安人生USDT'];

function setup(current?: string) {
  const onSearch = vi.fn();
  render(
    <I18nProvider lang="en">
      <SearchBox symbols={symbols} current={current} onSearch={onSearch} />
    </I18nProvider>,
  );
  return { onSearch, box: screen.getByRole('combobox', { name: 'Search symbol' }) };
}

describe('SearchBox', () => {
  it('suggests as the user types and wraps the arrow keys around the list', async () => {
    const { box, onSearch } = setup();
    await userEvent.type(box, 'btc');
    const options = screen.getAllByRole('option').map((o) => o.textContent);
    expect(options).toEqual(['BTCUSDT', 'BTCUSDT_260327', 'WBTCUSDT']);
    expect(box.getAttribute('aria-expanded')).toBe('true');
    await userEvent.keyboard('{ArrowUp}');
    expect(screen.getByRole('option', { selected: true }).textContent).toBe('WBTCUSDT');
    await userEvent.keyboard('{ArrowDown}');
    const active = screen.getByRole('option', { selected: true });
    expect(active.textContent).toBe('BTCUSDT');
    expect(box.getAttribute('aria-activedescendant')).toBe(active.id);
    await userEvent.keyboard('{Enter}');
    expect(onSearch).toHaveBeenCalledWith('BTCUSDT');
    expect(screen.queryByRole('listbox')).toBeNull();
  });

  it('searches the typed text, upper-cased, when no suggestion is chosen', async () => {
    const { box, onSearch } = setup();
    await userEvent.type(box, 'dogeusdt{Enter}');
    expect(onSearch).toHaveBeenCalledWith('DOGEUSDT');
  });

  it('refuses text that cannot be a symbol, in words, without searching', async () => {
    const { box, onSearch } = setup();
    await userEvent.type(box, 'btc/usdt{Enter}');
    expect(screen.getByRole('alert').textContent).toContain('cannot be a futures symbol');
    expect(onSearch).not.toHaveBeenCalled();
    await userEvent.type(box, 'x');
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('shows the symbol of the link', () => {
    const { box } = setup('币安人生USDT');
    expect((box as HTMLInputElement).value).toBe('币安人生USDT');
  });
});
