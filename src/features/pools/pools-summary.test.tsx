// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ValuationContext } from '../../components/valuation-context';
import type { Pool } from '../../core/pool-schema';
import { indexMap } from '../../core/valuation';
import { I18nProvider } from '../../lib/i18n/i18n';
import type { Lang } from '../../lib/url-state';
import { createValuation } from '../../core/pool-figures';
import { OVERVIEW_AT, overviewAsset, overviewPool } from '../../test/overview-pool';
import { PoolsSummary } from './pools-summary';

afterEach(cleanup);

const pool = (symbols: string[], usdt: string): Pool => ({
  symbols,
  assets: [{ asset: 'USDT', marginBalance: usdt, updateTime: OVERVIEW_AT }],
});
const pools = [
  pool(['BTCUSDT'], '900.5'),
  pool(['TROYUSDT'], '40'),
  pool(['NEWUSDT'], '10'),
  pool(['MOVEDUSDT'], '5'),
];
const history = [
  overviewPool({
    symbols: ['BTCUSDT'],
    assets: [overviewAsset('USDT', '900.5', { '24h': '1000' })],
  }),
  overviewPool({ symbols: ['TROYUSDT'], assets: [overviewAsset('USDT', '40', { '24h': '50' })] }),
  overviewPool({ symbols: ['NEWUSDT'], assets: [overviewAsset('USDT', '10', {})] }),
  overviewPool({
    symbols: ['MOVEDUSDT'],
    regrouped: { '1h': false, '24h': true, '7d': true },
    assets: [overviewAsset('USDT', '5', { '24h': '500' })],
  }),
];

function show(withHistory: boolean, lang: Lang = 'en') {
  const valuation = createValuation({
    lowUsd: '1',
    index: indexMap([{ symbol: 'USDTUSD', index: '0.9998', time: OVERVIEW_AT }]),
    history: withHistory ? new Map(history.map((h) => [h.key, h])) : undefined,
  });
  render(
    <I18nProvider lang={lang}>
      <ValuationContext value={valuation}>
        <PoolsSummary pools={pools} fetchedAt={OVERVIEW_AT} navigate={vi.fn()} />
      </ValuationContext>
    </I18nProvider>,
  );
}

describe('the first screen', () => {
  it('gives the total’s change over 24 h in dollars and per asset, saying what it covers', () => {
    show(true);
    // (900.5 - 1000) + (40 - 50) = -109.5 USDT, × 0.9998 = -109.4781
    const usd = screen.getByTestId('usd-total-change');
    expect(usd.dataset).toMatchObject({ window: '24h', value: '-109.48', sign: 'down' });
    expect(usd.textContent).toBe('-$109.48 -10.4%');
    const usdt = screen.getByTestId('total-change');
    expect(usdt.dataset).toMatchObject({ asset: 'USDT', value: '-109.5' });
    const text = screen.getByTestId('usd-total').parentElement!.textContent!;
    expect(text).toContain('Across 2 of 4 pools.');
    expect(text).toContain('1 pool without 24 h of history is left out.');
    expect(text).toContain('1 pool whose members changed is left out.');
  });

  it('names the pools that fell most by share, linked to their view, without regroupings', () => {
    show(true);
    const falls = screen.getAllByTestId('biggest-fall');
    expect(falls.map((f) => f.dataset.symbols)).toEqual(['TROYUSDT', 'BTCUSDT']);
    expect(falls[0]!.textContent).toBe('TROY-$10.00 -20%');
    expect(falls[0]!.querySelector('a')!.getAttribute('href')).toContain('symbol=TROYUSDT');
  });

  it('claims no change while the history is being read', () => {
    show(false);
    expect(screen.queryByTestId('usd-total-change')).toBeNull();
    expect(screen.queryByTestId('total-change')).toBeNull();
    expect(screen.getAllByText('Reading the recorded history…')).toHaveLength(2);
  });

  it('says the same in Chinese', () => {
    show(true, 'zh-CN');
    expect(screen.getByText('24 小时跌幅最大')).toBeTruthy();
    expect(screen.getByTestId('usd-total-change').parentElement!.textContent).toContain(
      '24 小时变化',
    );
  });
});
