// @vitest-environment jsdom
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { forgetAttempts } from '../../api/attempts';
import { resetPause } from '../../api/api-client';
import { QUERY_POLICY } from '../../api/refresh-timing';
import type { Pool } from '../../core/pool-schema';
import { I18nProvider } from '../../lib/i18n/i18n';
import { parseUrlState } from '../../lib/url-state';
import { SymbolView } from './symbol-view';

const t = Date.UTC(2026, 11, 2, 1, 30);
const pools: Pool[] = [
  {
    symbols: ['BTCUSDT', 'ETHUSDT'],
    assets: [{ asset: 'USDT', marginBalance: '793930579.315848', updateTime: t }],
  },
  {
    symbols: ['币安人生USDT'],
    assets: [{ asset: 'USDT', marginBalance: '2718281.82845904', updateTime: t }],
  },
];
const fetchMock = vi.fn<typeof fetch>();
const policy = { refreshMs: 60_000, inBackground: false };

beforeEach(() => vi.stubGlobal('fetch', fetchMock));
afterEach(() => {
  cleanup();
  fetchMock.mockReset();
  resetPause();
  forgetAttempts();
  vi.unstubAllGlobals();
});

function show(link: string, { list = pools as readonly Pool[] | null, listFailed = false } = {}) {
  const param = parseUrlState(link).symbol!;
  render(
    <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: QUERY_POLICY } })}>
      <I18nProvider lang="en">
        <SymbolView
          param={param}
          pools={list ?? undefined}
          listFailed={listFailed}
          known={list?.flatMap((p) => p.symbols) ?? []}
          policy={policy}
          navigate={vi.fn()}
        />
      </I18nProvider>
    </QueryClientProvider>,
  );
}

const symbolRequests = () =>
  fetchMock.mock.calls.map(([url]) => String(url)).filter((u) => u.includes('symbol='));

describe('SymbolView', () => {
  it('finds a listed symbol’s pool in the pool list, with no request of its own', () => {
    show('?symbol=ethusdt');
    const card = screen.getByTestId('symbol-pool');
    expect(within(card).getByTestId('highlighted-symbol').textContent).toBe('ETHUSDT');
    expect(screen.getByRole('heading', { name: 'Pool of ETHUSDT' })).toBeTruthy();
    expect(screen.getByTestId('symbol-rank').textContent).toBe('Largest USDT pool of 2');
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('asks the endpoint only for a symbol the list lacks, and names no pool when it is unlisted', async () => {
    fetchMock.mockResolvedValue(
      new Response('{"code":-1121,"msg":"Invalid symbol."}', { status: 400 }),
    );
    show('?symbol=pepe');
    expect((await screen.findByRole('alert')).textContent).toContain(
      '“PEPE” is not a symbol the exchange lists.',
    );
    expect(symbolRequests()).toEqual(['/fapi/v1/insuranceBalance?symbol=PEPE']);
    expect(screen.queryByRole('heading', { name: /Pool of/ })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Copy link' })).toBeNull();
  });

  it('waits for the pool list rather than asking about the symbol while the list is on its way', () => {
    show('?symbol=BTCUSDT', { list: null });
    expect(screen.getByRole('status').textContent).toBe('Looking up BTCUSDT…');
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('asks the endpoint itself when the pool list cannot be had', async () => {
    fetchMock.mockResolvedValue(
      new Response(JSON.stringify(pools[0]), { headers: { 'content-type': 'application/json' } }),
    );
    show('?symbol=BTCUSDT', { list: null, listFailed: true });
    expect(await screen.findByTestId('symbol-pool')).toBeTruthy();
    expect(symbolRequests()).toEqual(['/fapi/v1/insuranceBalance?symbol=BTCUSDT']);
  });
});
