// @vitest-environment jsdom
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { OverviewPool } from '../core/history';
import type { Pool } from '../core/pool-schema';
import { poolKey } from '../core/pools';
import { indexMap } from '../core/valuation';
import { I18nProvider } from '../lib/i18n/i18n';
import type { Lang } from '../lib/url-state';
import { createValuation, type ValuationInputs } from '../core/pool-figures';
import { PoolCard } from './pool-card';
import { ValuationContext } from './valuation-context';
import { overviewPool } from '../test/overview-pool';

afterEach(cleanup);

const t = Date.UTC(2026, 2, 27, 8, 0, 0);
const MIN = 60_000;
const index = indexMap([
  { symbol: 'USDTUSD', index: '0.99987691', time: t },
  { symbol: 'USDCUSD', index: '0.99991200', time: t - 2_000 },
  { symbol: 'BTCUSD', index: '94712.30000000', time: t },
]);

function pool(assets: [string, string][], symbols = ['BTCUSDT', 'ETHUSDT']): Pool {
  return {
    symbols,
    assets: assets.map(([asset, marginBalance]) => ({ asset, marginBalance, updateTime: t })),
  };
}

function historyOf(p: Pool, peak: string, interval: number | null = MIN): OverviewPool {
  return overviewPool({
    symbols: p.symbols,
    interval,
    assets: p.assets.map((a) => ({
      asset: a.asset,
      latest: { t, balance: a.marginBalance },
      ref: { '1h': null, '24h': null, '7d': null },
      peak7d: { t: t - 86_400_000, balance: peak },
      spark: [],
    })),
  });
}

function show(p: Pool, inputs: Partial<ValuationInputs> = {}, now = t + MIN, lang: Lang = 'en') {
  const valuation = createValuation({ index, lowUsd: '100000', ...inputs });
  return render(
    <I18nProvider lang={lang}>
      <ValuationContext value={valuation}>
        <PoolCard pool={p} now={now} />
      </ValuationContext>
    </I18nProvider>,
  );
}

describe('a pool card with the asset index', () => {
  it('shows its dollar value to the cent as an estimate, dated by the index', () => {
    show(
      pool([
        ['USDC', '299999998.6497832'],
        ['USDT', '793930579.315848'],
        ['BTC', '61.73143554'],
        ['BNFCR', '633223.99396922'],
      ]),
    );
    const value = screen.getByTestId('usd-value');
    expect(value.dataset.value).toBe('1099653179.29');
    expect(value.dataset.unvalued).toBe('BNFCR');
    expect(value.textContent).toContain('≈ $1,099,653,179.29');
    expect(value.textContent).toContain('Not valued (no USD index): BNFCR');
    expect(value.title).toContain('2026-03-27 07:59:58 UTC');
    expect(value.title).toContain('Not a price the fund could sell at');
  });

  it('says so in words when none of its assets can be valued', () => {
    show(pool([['BNFCR', '633223.99396922']]));
    const value = screen.getByTestId('usd-value');
    expect(value.dataset.value).toBe('0.00');
    expect(value.dataset.unvalued).toBe('BNFCR');
    expect(value.textContent).not.toContain('$');
    expect(value.textContent).toContain('none of its assets has a USD index (BNFCR)');
  });

  it('shows balances alone, as before, when no index could be had', () => {
    show(pool([['USDT', '12']]), { index: undefined });
    expect(screen.queryByTestId('usd-value')).toBeNull();
    expect(screen.getByTestId('balance').dataset.value).toBe('12');
    expect(screen.queryByTestId('pool-flag')).toBeNull();
  });

  it('flags 12 USDT as Low with its figures, and not 950 BTC', () => {
    show(pool([['USDT', '12']]));
    const low = screen.getByTestId('pool-flag');
    expect(low.dataset.flag).toBe('low');
    expect(low.title).toBe('Worth $12.00, under the threshold of $100,000.');
    cleanup();
    show(pool([['BTC', '950']]));
    expect(screen.getByTestId('usd-value').dataset.value).toBe('89976685.00');
    expect(screen.queryByTestId('pool-flag')).toBeNull();
  });

  it('flags a pool drawn down from its 7-day peak, both figures in the tooltip', () => {
    const p = pool([['USDT', '65000000']]);
    show(p, { history: new Map([[poolKey(p), historyOf(p, '100000000')]]) });
    const flag = screen.getByTestId('pool-flag');
    expect(flag.dataset.flag).toBe('drawn-down');
    expect(flag.textContent).toContain('Drawn down');
    expect(flag.title).toBe(
      'Balances then and now, both valued at today’s index: $99,987,691.00 at its 7-day peak, $64,991,999.15 now (-35%): more than 30% below it.',
    );
  });

  it('waits three times the learned interval before calling the snapshot stale', () => {
    const p = pool([['USDT', '5000000']]);
    const history = new Map([[poolKey(p), historyOf(p, '5000000', 10 * MIN)]]);
    show(p, { history }, t + 29 * MIN);
    expect(screen.queryByTestId('pool-stale')).toBeNull();
    cleanup();
    show(p, { history }, t + 31 * MIN);
    const stale = within(screen.getByTestId('pool-stale')).getByTestId('pool-flag');
    expect(stale.title).toBe(
      'Snapshot 31 minutes old: this pool’s snapshots usually come every 10 minutes, so it is stale after 30 minutes.',
    );
  });

  it('speaks Chinese in Chinese', () => {
    show(
      pool([
        ['USDT', '12'],
        ['BNFCR', '1'],
      ]),
      {},
      t + 20 * MIN,
      'zh-CN',
    );
    expect(screen.getByTestId('usd-value').textContent).toContain(
      '未估值（无美元汇率指数）：BNFCR',
    );
    expect(screen.getByTestId('pool-stale').textContent).toContain('过时');
  });
});
