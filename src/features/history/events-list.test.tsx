// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { HistoryEvent } from '../../core/history';
import { I18nProvider } from '../../lib/i18n/i18n';
import { EventsList } from './events-list';

const t = Date.UTC(2026, 11, 2, 1, 30);
const drop: HistoryEvent = {
  kind: 'drop',
  at: t,
  symbols: ['ETHUSDT', 'BTCUSDT'],
  pool: ['BTCUSDT', 'ETHUSDT'],
  asset: 'USDT',
  before: '793930579.315848',
  after: '714537521.3842632',
};
const moved: HistoryEvent = {
  kind: 'moved',
  at: t - 60_000,
  symbols: ['LINKUSDT'],
  pool: ['1000PEPEUSDT', 'LINKUSDT'],
  fromPool: ['ADAUSDT', 'LINKUSDT'],
};

beforeEach(() => {
  window.history.replaceState(null, '', '/?lang=en');
  // opening a pool scrolls to the top of the page, which jsdom does not do
  vi.spyOn(window, 'scrollTo').mockImplementation(() => undefined);
});
afterEach(cleanup);

function show(events: HistoryEvent[] | undefined) {
  const navigate = vi.fn();
  render(
    <I18nProvider lang="en">
      <EventsList events={events} error={undefined} cut={undefined} navigate={navigate} />
    </I18nProvider>,
  );
  return navigate;
}

describe('EventsList', () => {
  it('says how much a pool fell within the hour, exactly and as a share', () => {
    show([drop]);
    const item = screen.getByTestId('event');
    expect(item.dataset.kind).toBe('drop');
    expect(item.textContent).toContain(
      'The pool BTC · ETH: USDT fell 10% within an hour, from 793,930,579.315848 USDT to 714,537,521.3842632 USDT.',
    );
    expect(item.textContent).toContain('2026-12-02 01:30:00 UTC');
    // every member it concerns, as text
    expect(item.textContent).toContain('ETHUSDT');
    expect(item.textContent).toContain('BTCUSDT');
  });

  it('names a move from one pool to another, each linked to its pool', () => {
    const navigate = show([moved]);
    const item = screen.getByTestId('event');
    expect(item.textContent).toContain(
      'LINKUSDT moved from the pool ADA · LINK to the pool LINK · 1000PEPE.',
    );
    const links = within(item).getAllByRole('link');
    expect(links.map((a) => [a.textContent, a.getAttribute('href')])).toEqual([
      ['LINKUSDT', '/?lang=en&symbol=LINKUSDT'],
      // the pool it left, through a member that stayed
      ['ADA · LINK', '/?lang=en&symbol=ADAUSDT'],
      ['LINK · 1000PEPE', '/?lang=en&symbol=LINKUSDT'],
    ]);
    fireEvent.click(links[1]!);
    expect(navigate).toHaveBeenCalledWith({ symbol: 'ADAUSDT' }, 'push');
  });

  it('lists the latest ten, and the rest on request', () => {
    const many = Array.from({ length: 12 }, (_, i) => ({ ...moved, at: t - i * 1000 }));
    show(many);
    expect(screen.getAllByTestId('event')).toHaveLength(10);
    fireEvent.click(screen.getByRole('button', { name: 'Show all 12 events' }));
    expect(screen.getAllByTestId('event')).toHaveLength(12);
    expect(screen.getByRole('button', { name: 'Show the latest only' })).toBeTruthy();
  });

  it('says so when nothing happened, and while the events load', () => {
    show([]);
    expect(screen.getByText(/Nothing happened in this range/)).toBeTruthy();
    cleanup();
    show(undefined);
    expect(screen.getByRole('status').textContent).toBe('Loading the events…');
  });
});
