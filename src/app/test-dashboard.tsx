import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import { vi } from 'vitest';
import type { Snapshot } from '../api/api-client';
import { insuranceKeys } from '../api/queries';
import type { Pool } from '../core/pool-schema';
import { I18nProvider } from '../lib/i18n/i18n';
import { parseUrlState } from '../lib/url-state';
import { Dashboard } from './dashboard';

/** Two pools of USDT, the first holding BTCUSDT, as the dashboard tests show them at `now`. */
export const twoPools = (now: number): Pool[] => [
  {
    symbols: ['BTCUSDT', 'ETHUSDT'],
    assets: [{ asset: 'USDT', marginBalance: '793930579.315848', updateTime: now }],
  },
  {
    symbols: ['1000PEPEUSDT', 'DOGEUSDT'],
    assets: [{ asset: 'USDT', marginBalance: '5166686.84431694', updateTime: now }],
  },
];

/**
 * Renders the dashboard at the link `search` in English, the demo pool list `pools` already in
 * the query cache (fetched at `now`), no query retried. `caught` records what React reports of an
 * error a boundary caught, instead of the console.
 */
export function renderDashboard(pools: Pool[], now: number, search = '') {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const snapshot: Snapshot<Pool[]> = { data: pools, demo: true, fetchedAt: now };
  client.setQueryData(insuranceKeys.pools(), snapshot);
  const navigate = vi.fn();
  const caught: unknown[] = [];
  render(
    <QueryClientProvider client={client}>
      <I18nProvider lang="en">
        <Dashboard url={parseUrlState(search)} navigate={navigate} />
      </I18nProvider>
    </QueryClientProvider>,
    { onCaughtError: (error) => caught.push(error) },
  );
  return { navigate, caught };
}
