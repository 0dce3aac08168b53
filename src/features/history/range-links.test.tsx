// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { I18nProvider } from '../../lib/i18n/i18n';
import type { Range } from '../../lib/url-state';
import { RangeLinks } from './range-links';

beforeEach(() => window.history.replaceState(null, '', '/?symbol=BTCUSDT&lang=en&range=24h'));
afterEach(cleanup);

function show(range: Range) {
  const navigate = vi.fn();
  render(
    <I18nProvider lang="en">
      <RangeLinks range={range} navigate={navigate} />
    </I18nProvider>,
  );
  return navigate;
}

describe('RangeLinks', () => {
  it('is a named set of links, one a bookmark of each range, the current one marked', () => {
    show('24h');
    const nav = screen.getByRole('navigation', { name: 'Range' });
    const links = screen.getAllByRole('link');
    expect(nav.contains(links[0]!)).toBe(true);
    expect(links.map((a) => [a.textContent, a.getAttribute('href')])).toEqual([
      ['Last hour', '/?symbol=BTCUSDT&lang=en&range=1h'],
      ['Last 24 hours', '/?symbol=BTCUSDT&lang=en&range=24h'],
      // the default range needs no parameter
      ['Last 7 days', '/?symbol=BTCUSDT&lang=en'],
      ['Last 30 days', '/?symbol=BTCUSDT&lang=en&range=30d'],
      ['All recorded', '/?symbol=BTCUSDT&lang=en&range=all'],
    ]);
    expect(links.filter((a) => a.getAttribute('aria-current') === 'true')).toEqual([links[1]]);
  });

  it('opens another range as a new history entry, so Back returns to this one', () => {
    const navigate = show('24h');
    fireEvent.click(screen.getByRole('link', { name: 'Last 30 days' }));
    expect(navigate).toHaveBeenCalledWith({ range: '30d' }, 'push');
    fireEvent.click(screen.getByRole('link', { name: 'Last 7 days' }));
    expect(navigate).toHaveBeenLastCalledWith({ range: undefined }, 'push');
  });

  it('adds no history entry for the range already shown, and leaves a new tab to the browser', () => {
    const navigate = show('24h');
    fireEvent.click(screen.getByRole('link', { name: 'Last 24 hours' }));
    // what the browser would do with a Ctrl+click (a new tab) is not for this test to do
    const leftToBrowser = vi.fn((e: Event) => e.preventDefault());
    document.addEventListener('click', leftToBrowser, { once: true });
    fireEvent.click(screen.getByRole('link', { name: 'All recorded' }), { ctrlKey: true });
    expect(leftToBrowser).toHaveBeenCalledTimes(1);
    expect(navigate).not.toHaveBeenCalled();
  });
});
