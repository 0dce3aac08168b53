// @vitest-environment jsdom
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, cleanup, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { forgetAttempts } from '../../api/attempts';
import { resetPause } from '../../api/api-client';
import { QUERY_POLICY } from '../../api/refresh-timing';
import type { Pool } from '../../core/pool-schema';
import { I18nProvider } from '../../lib/i18n/i18n';
import { parseUrlState } from '../../lib/url-state';
import { Wall } from './wall';

const t = Date.UTC(2026, 2, 27, 8, 0, 0);
const pools = (usdt: string, updateTime = t): Pool[] => [
  {
    symbols: ['BTCUSDT', 'ETHUSDT'],
    assets: [{ asset: 'USDT', marginBalance: usdt, updateTime }],
  },
  {
    symbols: ['币安人生USDT'],
    assets: [{ asset: 'USDT', marginBalance: '2.71828182845904', updateTime }],
  },
];

const json = (body: unknown, status = 200, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', 'x-demo-data': '1', ...headers },
  });

/** The page area has a size, as it would on a screen (jsdom lays nothing out). */
class SizedObserver {
  constructor(private readonly callback: ResizeObserverCallback) {}
  observe() {
    this.callback([], this as unknown as ResizeObserver);
  }
  disconnect() {}
  unobserve() {}
}

let client: QueryClient;
const fetchMock = vi.fn<typeof fetch>();

beforeEach(() => {
  client = new QueryClient({
    defaultOptions: { queries: { ...QUERY_POLICY, gcTime: Infinity } },
  });
  // The pool list answers as each test says; the asset index and the history are not there.
  vi.stubGlobal('fetch', (input: RequestInfo | URL, init?: RequestInit) =>
    String(input).startsWith('/fapi/v1/insuranceBalance')
      ? fetchMock(input, init)
      : Promise.resolve(json({ code: -5, msg: 'Not found.' }, 404)),
  );
  vi.stubGlobal('ResizeObserver', SizedObserver);
  vi.spyOn(HTMLElement.prototype, 'clientWidth', 'get').mockReturnValue(1900);
  vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockReturnValue(900);
});

afterEach(() => {
  cleanup();
  client.clear();
  resetPause();
  forgetAttempts();
  fetchMock.mockReset();
  vi.unstubAllGlobals();
});

/** The wall at the link `search`, in English. */
function renderWall(search: string) {
  render(
    <QueryClientProvider client={client}>
      <I18nProvider lang="en">
        <Wall url={parseUrlState(search)} />
      </I18nProvider>
    </QueryClientProvider>,
  );
}

async function showWall() {
  renderWall('?view=wall&refresh=3600');
  await screen.findAllByTestId('pool');
  return screen.getByTestId('wall');
}

const refresh = () => act(() => client.refetchQueries());
const values = () => screen.getAllByTestId('balance').map((b) => b.dataset.value);

/** Refreshes, then waits for the new figure to reach the screen. */
async function refreshTo(first: string) {
  await refresh();
  await waitFor(() => expect(values()[0]).toBe(first));
}

describe('Wall', () => {
  it('shows every pool exactly, live and badged as demo data, with nothing to click or type in', async () => {
    fetchMock.mockResolvedValue(json(pools('793930579.315848')));
    const wall = await showWall();
    expect(values()).toEqual(['793930579.315848', '2.71828182845904']);
    expect(within(wall).getByTestId('freshness').dataset.state).toBe('live');
    expect(within(wall).getByTestId('demo-badge').textContent).toBe('Demo data');
    expect(within(wall).getByTestId('wall-next-refresh').textContent).toMatch(/in \d+:\d\d/);
    expect(wall.querySelectorAll('button, input, select, textarea, a[href]')).toHaveLength(0);
  });

  it('keeps the last figures, marked stale, while the exchange cannot be reached', async () => {
    fetchMock.mockResolvedValueOnce(json(pools('100.5')));
    const wall = await showWall();
    fetchMock.mockRejectedValue(new TypeError('Failed to fetch'));
    await act(() => client.refetchQueries({}, { throwOnError: false }).catch(() => undefined));
    expect(await screen.findByRole('alert')).toHaveProperty(
      'textContent',
      expect.stringContaining('could not be reached'),
    );
    expect(within(wall).getByTestId('freshness').dataset.state).toBe('stale');
    expect(values()).toEqual(['100.5', '2.71828182845904']);
  });

  it('says it is offline, in words and colour, when no data has ever come', async () => {
    fetchMock.mockRejectedValue(new TypeError('Failed to fetch'));
    renderWall('?view=wall');
    expect((await screen.findByRole('alert')).textContent).toContain('could not be reached');
    const freshness = screen.getByTestId('freshness');
    expect(freshness.dataset.state).toBe('offline');
    expect(freshness.textContent).toContain('Offline');
    expect(screen.getByTestId('wall-snapshot').textContent).toContain('No snapshot yet');
  });

  it('on a cold start during an outage, says it tries again within seconds, not a minute', async () => {
    fetchMock.mockRejectedValue(new TypeError('Failed to fetch'));
    renderWall('?view=wall&refresh=60');
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toMatch(
      /could not be reached\. The dashboard keeps trying\. Next try in 2 sec\./,
    );
    expect(screen.getByTestId('wall-next-refresh').textContent).toContain('trying again in 2 sec');
    expect(fetchMock).toHaveBeenCalledTimes(1);
  });

  it('says until when the exchange asked it to wait', async () => {
    fetchMock.mockResolvedValueOnce(json(pools('100.5')));
    await showWall();
    fetchMock.mockResolvedValue(
      json({ code: -1003, msg: 'Too many requests' }, 429, { 'retry-after': '90' }),
    );
    await refresh();
    expect((await screen.findByTestId('wall-paused')).textContent).toMatch(
      /asks again at \d\d:\d\d:\d\d UTC/,
    );
    const calls = fetchMock.mock.calls.length;
    await refresh();
    expect(fetchMock.mock.calls.length).toBe(calls);
  });

  it('marks rises and falls, and names a sharp drop above the pages', async () => {
    fetchMock.mockResolvedValueOnce(json(pools('100', t)));
    await showWall();
    fetchMock.mockResolvedValueOnce(json(pools('101', t + 1000)));
    await refreshTo('101');
    expect(screen.getAllByTestId('balance')[0]!.dataset.change).toBe('up');
    expect(screen.queryByTestId('wall-drops')).toBeNull();
    fetchMock.mockResolvedValueOnce(json(pools('90', t + 2000)));
    await refreshTo('90');
    expect(screen.getAllByTestId('balance')[0]!.dataset.change).toBe('drop');
    const banner = screen.getByTestId('wall-drops');
    expect(banner.textContent).toContain('1 sharp drop in the last 60 minutes:');
    const drop = within(banner).getByTestId('wall-drop');
    expect(drop.dataset).toMatchObject({ asset: 'USDT', value: '-11' });
    expect(drop.textContent).toMatch(/^BTC · ETH: -11 USDT \(-10\.9%\) at \d\d:\d\d:\d\d/);
  });

  it('keeps a sharp drop on its banner while later snapshots come in', async () => {
    fetchMock.mockResolvedValueOnce(json(pools('100', t)));
    await showWall();
    fetchMock.mockResolvedValueOnce(json(pools('80', t + 1000)));
    await refreshTo('80');
    for (const [i, v] of ['80.2', '80.1', '80.4'].entries()) {
      fetchMock.mockResolvedValueOnce(json(pools(v, t + 2000 + i * 1000)));
      await refreshTo(v);
    }
    const drop = within(screen.getByTestId('wall-drops')).getByTestId('wall-drop');
    expect(drop.dataset.value).toBe('-20');
    expect(drop.textContent).toContain('(-20%)');
    expect(screen.getAllByTestId('balance')[0]!.dataset.change).toBe('drop');
  });
});
