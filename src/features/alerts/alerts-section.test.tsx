// @vitest-environment jsdom
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AlertsAnswer } from '../../core/alerts';
import { I18nProvider } from '../../lib/i18n/i18n';
import { AlertsSection } from './alerts-section';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

function show(answer: AlertsAnswer, lang: 'en' | 'zh-CN' = 'en') {
  vi.stubGlobal(
    'fetch',
    vi.fn(async () => new Response(JSON.stringify(answer), { status: 200 })),
  );
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <QueryClientProvider client={client}>
      <I18nProvider lang={lang}>
        <AlertsSection policy={{ refreshMs: 60_000, inBackground: false }} />
      </I18nProvider>
    </QueryClientProvider>,
  );
}

const firing = {
  id: '7',
  rule: 'BTC fund falls',
  kind: 'fall' as const,
  pool: { name: 'BTC · ETH', symbols: ['BTCUSDT', 'ETHUSDT'] },
  symbol: 'BTCUSDT',
  asset: 'USDT',
  value: '950000.00000095',
  reference: '1000000.000001',
  startsAt: Date.UTC(2026, 11, 1, 12),
  endsAt: null,
  summary: 'The USDT balance fell.',
  delivery: 'pending' as const,
};

describe('the overview’s alerts', () => {
  it('names the field of a rules file the server cannot use, as an alert', async () => {
    show({
      rules: [],
      active: [],
      recent: [],
      problem: { field: 'rules[0].percent', message: 'must be below 100' },
    });
    expect((await screen.findByRole('alert')).textContent).toContain(
      'rules[0].percent must be below 100',
    );
  });

  it('shows an active alert with its pool’s symbols, exact figures and delivery state', async () => {
    show({
      rules: [
        {
          name: 'BTC fund falls',
          kind: 'fall',
          watches: '',
          symbol: 'BTCUSDT',
          asset: 'USDT',
          params: { percent: 5, within: '1h' },
        },
      ],
      active: [firing],
      recent: [firing],
    });
    const item = await screen.findByTestId('alert');
    expect(item.dataset).toMatchObject({ state: 'firing', rule: 'BTC fund falls' });
    expect(item.textContent).toContain('BTCUSDT ETHUSDT');
    expect(item.textContent).toContain('950,000.00000095 USDT, reference 1,000,000.000001');
    expect(item.textContent).toContain('delivery pending, retried');
    expect(screen.getByTestId('alert-rules').textContent).toContain(
      'USDT of the pool of BTCUSDT falling 5 % below its high within 1h',
    );
  });

  it('says in two lines how to set rules up when there are none, in Chinese too', async () => {
    show({ rules: [], active: [], recent: [] }, 'zh-CN');
    const setup = await screen.findByTestId('alerts-setup');
    expect(setup.querySelectorAll('p')).toHaveLength(2);
    expect(setup.textContent).toContain('ALERTS_FILE');
    expect(setup.textContent).toContain('尚未设置告警规则');
  });
});
