// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { I18nProvider } from '../../lib/i18n/i18n';
import type { Range } from '../../lib/url-state';
import { RangeLinks } from './range-links';

beforeEach(() => window.history.replaceState(null, '', '/?symbol=BTCUSDT&lang=en&range=24h'));
afterEach(cleanup);

function show(range: Range, ignored?: string) {
  const navigate = vi.fn();
  render(
    <I18nProvider lang="en">
      <RangeLinks range={range} ignored={ignored} navigate={navigate} />
    </I18nProvider>,
  );
  return navigate;
}

describe('RangeLinks', () => {
  it('says in words that a link’s range is unknown and which one is shown, linking away from it', () => {
    window.history.replaceState(null, '', '/?symbol=BTCUSDT&range=99d');
    show('7d', '99d');
    expect(screen.getByRole('alert').textContent).toBe(
      'The link asks for the range “99d”, which this view does not know. Shown instead: Last 7 days. The ranges a link may name are 1h, 24h, 7d, 30d, all.',
    );
    expect(screen.getByRole('link', { name: 'Last 7 days' }).getAttribute('href')).toBe(
      '/?symbol=BTCUSDT',
    );
  });

  it('says nothing of a range a link names right', () => {
    show('24h');
    expect(screen.queryByRole('alert')).toBeNull();
  });

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
