// @vitest-environment jsdom
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Snapshot } from '../api/api-client';
import { QUERY_POLICY } from '../api/refresh-timing';
import { resetPause } from '../api/api-client';
import { insuranceKeys } from '../api/queries';
import { ValuationProvider } from '../components/valuation-context';
import type { Pool } from '../core/pool-schema';
import { I18nProvider } from '../lib/i18n/i18n';
import { parseUrlState } from '../lib/url-state';
import { Dashboard } from './dashboard';

vi.mock('../features/charts/lazy-asset-charts', () => ({ LazyAssetCharts: () => null }));

const now = Date.now();
const pool = (symbols: string[], asset: string, balance: string): Pool => ({
  symbols,
  assets: [{ asset, marginBalance: balance, updateTime: now }],
});
const pools: Pool[] = [
  pool(['BSWUSDT', 'LEVERUSDT'], 'USDT', '12'),
  pool(['DOGEUSDC', 'XRPUSDC'], 'USDC', '12873311.00451'),
  pool(['CREDITUSDT'], 'BNFCR', '633223.99396922'),
];
const INDEX = [
  { symbol: 'USDTUSD', time: now, index: '0.99987691', bidBuffer: '0.0001' },
  { symbol: 'USDCUSD', time: now, index: '0.99991200', bidBuffer: '0.0001' },
];

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

/** The index answers as the test says; the history is not there (as before it is recorded). */
function serve(index: () => Response) {
  vi.stubGlobal(
    'fetch',
    vi.fn((input: RequestInfo | URL) => {
      const url = String(input);
      if (url.startsWith('/fapi/v1/assetIndex')) return Promise.resolve(index());
      return Promise.resolve(json({ code: -5, msg: 'Not found.' }, 404));
    }),
  );
}

function renderDashboard(search = '') {
  const client = new QueryClient({ defaultOptions: { queries: QUERY_POLICY } });
  const snapshot: Snapshot<Pool[]> = { data: pools, demo: true, fetchedAt: now };
  client.setQueryData(insuranceKeys.pools(), snapshot);
  const url = parseUrlState(search);
  render(
    <QueryClientProvider client={client}>
      <I18nProvider lang="en">
        <ValuationProvider policy={{ refreshMs: 60_000, inBackground: false }} lowUsd={url.low}>
          <Dashboard url={url} navigate={vi.fn()} />
        </ValuationProvider>
      </I18nProvider>
    </QueryClientProvider>,
  );
}

const names = () =>
  screen
    .getAllByTestId('pool')
    .map((card) => within(card).getByRole('heading', { level: 3 }).textContent);

beforeEach(() => {
  resetPause();
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('the dashboard with the asset index', () => {
  it('values each pool and the total to the cent, and sorts by value', async () => {
    serve(() => json(INDEX));
    renderDashboard();
    const total = await screen.findByTestId('usd-total');
    // 12 × 0.99987691 + 12873311.00451 × 0.999912, BNFCR left out.
    expect(total.dataset.value).toBe('12872190.15');
    expect(total.textContent).toContain('≈ $12,872,190.15');
    expect(total.textContent).toContain('Not valued (no USD index): BNFCR');
    expect(names()).toEqual(['XRP · DOGE', 'BSW · LEVER', 'CREDIT']);
    const values = screen
      .getAllByTestId('usd-value')
      .map((v) => [v.dataset.value, v.dataset.unvalued]);
    expect(values).toEqual([
      ['12872178.15', ''],
      ['12.00', ''],
      ['0.00', 'BNFCR'],
    ]);
  });

  it('counts the flags in the summary, by the threshold of the link', async () => {
    serve(() => json(INDEX));
    renderDashboard('?low=20000000');
    await screen.findByTestId('usd-total');
    const count = (flag: string) =>
      screen.getAllByTestId('flag-count').find((c) => c.dataset.flag === flag)!.dataset.count;
    expect(count('low')).toBe('2');
    expect(count('drawn-down')).toBe('0');
    expect(count('stale')).toBe('0');
    expect(screen.getAllByTestId('pool-flag').map((f) => f.dataset.flag)).toEqual(['low', 'low']);
    expect(await screen.findByText(/Drawn down needs the recorded history/)).toBeTruthy();
  });

  it('keeps the balances and says why values are missing when the index cannot be had', async () => {
    // As a proxy that does not forward the path answers: a refusal, not retried.
    serve(() => json({ code: -1, msg: 'Only GET /fapi/v1/insuranceBalance is served here.' }, 404));
    renderDashboard();
    const alert = await screen.findByTestId('valuation-alert');
    expect(within(alert).getByRole('alert').textContent).toBe(
      'Dollar values are not shown: the asset index could not be had. The exchange answered with an error (HTTP 404). The dashboard keeps trying. Balances are shown as the exchange sent them. Until it can, pools are sorted by their USDT balance.',
    );
    expect(screen.queryByTestId('usd-value')).toBeNull();
    expect(screen.queryByTestId('usd-total')).toBeNull();
    // Sorted by USDT balance meanwhile: the pools without USDT follow, by name.
    expect(screen.getAllByTestId('balance').map((b) => b.dataset.value)).toEqual([
      '12',
      '633223.99396922',
      '12873311.00451',
    ]);
  });

  it('says nothing is missing, and asks once, when the index arrives', async () => {
    serve(() => json(INDEX));
    renderDashboard();
    await waitFor(() => expect(screen.getAllByTestId('usd-value')).toHaveLength(3));
    expect(screen.queryByTestId('valuation-alert')).toBeNull();
    const calls = vi.mocked(fetch).mock.calls.map(([url]) => String(url));
    expect(calls.filter((u) => u.startsWith('/fapi/v1/assetIndex'))).toEqual([
      '/fapi/v1/assetIndex',
    ]);
  });
});
