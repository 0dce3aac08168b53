// @vitest-environment jsdom
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { resetPause } from '../api/api-client';
import type { EventsAnswer, HistoryAnswer } from '../core/history';
import { renderDashboard, twoPools } from './test-dashboard';
import { btcHour } from '../test/history-answer';

const broken = vi.hoisted(() => ({ history: false }));
vi.mock('../features/history/lazy-history-charts', () => ({
  LazyHistoryCharts: ({ answer }: { answer: HistoryAnswer }) => {
    if (broken.history) throw new Error('history chart blew up');
    return <p>history of {answer.symbol} drawn</p>;
  },
}));
vi.mock('../features/charts/lazy-asset-charts', () => ({
  LazyAssetCharts: () => <p>bar charts drawn</p>,
}));

const now = Date.now();
const pools = twoPools(now);
const history = btcHour(now);
const events: EventsAnswer = {
  from: now - 7 * 86_400_000,
  to: now,
  events: [
    {
      kind: 'moved',
      at: now - 120_000,
      symbols: ['ETHUSDT'],
      pool: ['BTCUSDT', 'ETHUSDT'],
      fromPool: ['ETHUSDT', 'SOLUSDT'],
    },
    { kind: 'appeared', at: now - 180_000, symbols: ['NEWUSDT'], pool: ['NEWUSDT'] },
  ],
};

type Reply = { status: number; body: unknown };
const replies: Record<string, Reply> = {};
const asked: { path: string; at: number }[] = [];

function json({ status, body }: Reply) {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json' },
  });
}

beforeEach(() => {
  broken.history = false;
  asked.length = 0;
  replies['/api/history'] = { status: 200, body: history };
  replies['/api/events'] = { status: 200, body: events };
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  vi.stubGlobal(
    'fetch',
    vi.fn((input: RequestInfo | URL) => {
      const url = new URL(String(input), 'http://dashboard.test');
      asked.push({ path: `${url.pathname}${url.search}`, at: Date.now() });
      const reply = replies[url.pathname];
      return reply ? Promise.resolve(json(reply)) : Promise.reject(new TypeError('no network'));
    }),
  );
});
afterEach(() => {
  cleanup();
  resetPause();
  vi.unstubAllGlobals();
});

function show(link: string) {
  window.history.replaceState(null, '', `/${link}`);
  return renderDashboard(pools, now, link);
}

const sectionNamed = (name: string) => screen.getByRole('region', { name });

describe('the symbol view', () => {
  it('shows the pool, then its history, then its events, and not the overview', async () => {
    show('?symbol=btcusdt');
    expect(await screen.findByText('history of BTCUSDT drawn')).toBeTruthy();
    const order = [
      screen.getByTestId('symbol-pool'),
      sectionNamed('History of the pool'),
      sectionNamed('Events of this pool'),
    ];
    for (let i = 1; i < order.length; i += 1)
      expect(order[i - 1]!.compareDocumentPosition(order[i]!)).toBe(
        Node.DOCUMENT_POSITION_FOLLOWING,
      );
    expect(screen.queryAllByTestId('pool')).toHaveLength(0);
    expect(screen.queryByTestId('summary')).toBeNull();
    expect(screen.queryByText('bar charts drawn')).toBeNull();
    expect(screen.getByRole('button', { name: 'Show all pools' })).toBeTruthy();
  });

  it('asks for the range of the link, thinned to the width of the page', async () => {
    show('?symbol=BTCUSDT&range=24h');
    await screen.findByText('history of BTCUSDT drawn');
    const { path, at } = asked.find((a) => a.path.startsWith('/api/history'))!;
    const ask = new URL(path, 'http://x').searchParams;
    expect(ask.get('symbol')).toBe('BTCUSDT');
    expect(Number(ask.get('points'))).toBeLessThanOrEqual(1000);
    // the last 24 hours before the moment of asking
    expect(at - Number(ask.get('from'))).toBeGreaterThanOrEqual(86_400_000);
    expect(at - Number(ask.get('from'))).toBeLessThan(86_400_000 + 1_000);
    expect(ask.has('to')).toBe(false);
  });

  it('lists only the events of the pools that covered the symbol, each linking to its pool', async () => {
    show('?symbol=BTCUSDT');
    const list = sectionNamed('Events of this pool');
    const items = await within(list).findAllByTestId('event');
    expect(items.map((e) => e.dataset.kind)).toEqual(['moved']);
    expect(items[0]!.textContent).toContain('ETHUSDT');
    expect(within(items[0]!).getByRole('link', { name: 'ETHUSDT' }).getAttribute('href')).toBe(
      '/?symbol=ETHUSDT',
    );
  });

  it('keeps the pool and the events on screen when the history chart fails', async () => {
    broken.history = true;
    const { caught } = show('?symbol=BTCUSDT');
    const history = sectionNamed('History of the pool');
    expect((await within(history).findByRole('alert')).textContent).toContain(
      'This part of the dashboard failed to show.',
    );
    expect(screen.getByTestId('symbol-pool')).toBeTruthy();
    expect(await within(sectionNamed('Events of this pool')).findAllByTestId('event')).toHaveLength(
      1,
    );
    expect(caught).toEqual([expect.objectContaining({ message: 'history chart blew up' })]);
  });

  it('says in words that the history has not seen a symbol yet', async () => {
    replies['/api/history'] = {
      status: 404,
      body: { code: 404, msg: 'DOGEUSDT was never seen in the recorded history' },
    };
    show('?symbol=DOGEUSDT');
    const alert = await within(sectionNamed('History of the pool')).findByRole('alert');
    expect(alert.textContent).toBe(
      'The recorded history has no trace of DOGEUSDT yet. The server records the pool list every minute or so; the symbol’s history starts with the first snapshot that lists it.',
    );
    expect(screen.getByTestId('symbol-pool')).toBeTruthy();
    expect(screen.queryByRole('region', { name: 'Events of this pool' })).toBeNull();
  });

  it('keeps the overview below a symbol no pool lists, with its history only if it has one', async () => {
    replies['/api/history'] = {
      status: 404,
      body: { code: 404, msg: 'ETHUSDTT was never seen in the recorded history' },
    };
    replies['/fapi/v1/insuranceBalance'] = {
      status: 400,
      body: { code: -1121, msg: 'Invalid symbol.' },
    };
    show('?symbol=ethusdtt');
    expect(await screen.findAllByTestId('pool')).toHaveLength(2);
    expect(screen.getByTestId('summary')).toBeTruthy();
    await waitFor(() => expect(asked.some((a) => a.path.startsWith('/api/history'))).toBe(true));
    await waitFor(() =>
      expect(screen.queryByRole('region', { name: 'History of the pool' })).toBeNull(),
    );
  });

  it('keeps the overview below a text that cannot be a symbol, asking nothing about it', async () => {
    show(`?symbol=${encodeURIComponent('<b>')}`);
    expect(screen.getAllByTestId('pool')).toHaveLength(2);
    expect(
      screen
        .getAllByRole('alert')
        .some((a) => a.textContent?.includes('cannot be a futures symbol')),
    ).toBe(true);
    expect(screen.queryByRole('region', { name: 'History of the pool' })).toBeNull();
    expect(asked.filter((a) => a.path.startsWith('/api/history'))).toEqual([]);
  });
});

describe('the overview', () => {
  it('lists the last week’s events below the summary', async () => {
    show('');
    const list = sectionNamed('Recent events');
    expect(
      screen.getByTestId('summary').compareDocumentPosition(list) &
        Node.DOCUMENT_POSITION_FOLLOWING,
    ).toBeTruthy();
    const items = await within(list).findAllByTestId('event');
    expect(items.map((e) => e.dataset.kind)).toEqual(['moved', 'appeared']);
    expect(items[1]!.textContent).toContain('NEWUSDT');
    const { path, at } = asked.find((a) => a.path.startsWith('/api/events'))!;
    const from = Number(new URL(path, 'http://x').searchParams.get('from'));
    expect(at - from).toBeGreaterThanOrEqual(7 * 86_400_000);
    expect(at - from).toBeLessThan(7 * 86_400_000 + 1_000);
  });
});
