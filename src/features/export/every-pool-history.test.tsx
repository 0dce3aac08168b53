// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { I18nProvider } from '../../lib/i18n/i18n';
import { EveryPoolHistory } from './every-pool-history';

const state = vi.hoisted(() => ({ historyMissing: false }));
vi.mock('../../components/valuation-context', () => ({
  useValuationState: () => ({ historyMissing: state.historyMissing }),
}));

const NOW = Date.UTC(2026, 11, 2, 6, 30, 5, 250);
const TO = Date.UTC(2026, 11, 2, 6, 30, 5);
const DAY = 86_400_000;

/** The links' targets, by accessible name. */
function hrefs() {
  return screen.getAllByRole('link').map((a) => [a.textContent, a.getAttribute('href')]);
}

/** Every click that reaches a link's own click(): the download the page lets the browser start. */
function captureDownloads() {
  const started: string[] = [];
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
    this: HTMLAnchorElement,
  ) {
    started.push(this.getAttribute('href')!);
  });
  return started;
}

function answer(status: number, headers: Record<string, string>) {
  const fetch = vi.fn(() => Promise.resolve(new Response(null, { status, headers })));
  vi.stubGlobal('fetch', fetch);
  return fetch;
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(NOW);
  state.historyMissing = false;
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('EveryPoolHistory', () => {
  it('links each file of the last 24 hours to the server, ending now to the second', async () => {
    render(<EveryPoolHistory />);
    const range = `from=${TO - DAY}&to=${TO}`;
    await waitFor(() =>
      expect(hrefs()).toEqual([
        ['Download every pool’s history (CSV)', `/api/history/export?${range}&format=csv`],
        ['Download every pool’s history (JSON)', `/api/history/export?${range}&format=json`],
        ['Download every pool’s history (JSON lines)', `/api/history/export?${range}&format=jsonl`],
      ]),
    );
    for (const link of screen.getAllByRole('link'))
      expect(link.hasAttribute('download')).toBe(true);
    expect(screen.getByRole('radio', { name: 'Last 24 hours' })).toHaveProperty('checked', true);
  });

  it('takes its range from the keyboard: the radios of the range group', async () => {
    // user-event finds a radio's group with CSS.escape, which jsdom lacks; the group's name needs none
    vi.stubGlobal('CSS', { escape: (name: string) => name });
    const user = userEvent.setup();
    render(<EveryPoolHistory />);
    expect(screen.getByRole('group', { name: 'Range' })).toBeTruthy();
    screen.getByRole('radio', { name: 'Last 24 hours' }).focus();
    await user.keyboard('{ArrowRight}');
    expect(screen.getByRole('radio', { name: 'Last 7 days' })).toHaveProperty('checked', true);
    await waitFor(() =>
      expect(hrefs()[0]![1]).toBe(`/api/history/export?from=${TO - 7 * DAY}&to=${TO}&format=csv`),
    );
    await user.click(screen.getByRole('radio', { name: 'All recorded' }));
    expect(hrefs().map(([, href]) => href)).toEqual([
      '/api/history/export?format=csv',
      '/api/history/export?format=json',
      '/api/history/export?format=jsonl',
    ]);
  });

  it('asks the server first, and lets the browser download when it says yes', async () => {
    const fetch = answer(200, { 'content-type': 'text/csv; charset=utf-8' });
    const started = captureDownloads();
    render(<EveryPoolHistory />);
    const link = screen.getByRole('link', { name: 'Download every pool’s history (CSV)' });
    fireEvent.click(link);
    await waitFor(() => expect(started).toEqual([link.getAttribute('href')]));
    expect(fetch).toHaveBeenCalledWith(
      (link as HTMLAnchorElement).href,
      expect.objectContaining({ method: 'HEAD' }),
    );
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it.each([
    [
      503,
      { 'retry-after': '10' },
      'The server is making other history downloads; try again in 10 s.',
    ],
    [503, {}, 'The server cannot read its history right now'],
    [404, {}, 'This server keeps no history to download.'],
    [200, { 'content-type': 'text/html' }, 'This server keeps no history to download.'],
    [400, {}, 'The server refused this download (400).'],
  ])('says in words why a %i answer downloads nothing', async (status, headers, words) => {
    answer(status, headers);
    const started = captureDownloads();
    render(<EveryPoolHistory />);
    fireEvent.click(screen.getByRole('link', { name: 'Download every pool’s history (JSON)' }));
    expect((await screen.findByRole('alert')).textContent).toContain(words);
    expect(started).toEqual([]);
    expect(screen.getAllByRole('link')).toHaveLength(3);
  });

  it('says so when the server cannot be reached', async () => {
    vi.stubGlobal('fetch', () => Promise.reject(new TypeError('Failed to fetch')));
    render(<EveryPoolHistory />);
    fireEvent.click(
      screen.getByRole('link', { name: 'Download every pool’s history (JSON lines)' }),
    );
    expect((await screen.findByRole('alert')).textContent).toBe(
      'The server could not be reached. Nothing was downloaded.',
    );
  });

  it('offers no link while the page knows the history is missing, and says why', () => {
    state.historyMissing = true;
    render(<EveryPoolHistory />);
    expect(screen.queryAllByRole('link')).toEqual([]);
    expect(screen.getByText(/cannot be had from this server right now/)).toBeTruthy();
  });

  it('speaks Chinese in the Chinese page', () => {
    render(
      <I18nProvider lang="zh-CN">
        <EveryPoolHistory />
      </I18nProvider>,
    );
    expect(screen.getByRole('heading').textContent).toBe('所有资金池的历史');
    expect(screen.getByRole('link', { name: '下载所有资金池的历史（CSV）' })).toBeTruthy();
    expect(screen.getByRole('radio', { name: '最近 30 天' })).toBeTruthy();
  });
});
