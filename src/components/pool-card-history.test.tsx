// @vitest-environment jsdom
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { OverviewPool } from '../core/history';
import type { Pool } from '../core/pool-schema';
import { I18nProvider } from '../lib/i18n/i18n';
import type { Lang } from '../lib/url-state';
import { createValuation } from '../core/pool-figures';
import { OVERVIEW_AT, overviewAsset, overviewPool } from '../test/overview-pool';
import { PoolCard } from './pool-card';
import { ValuationContext } from './valuation-context';

afterEach(cleanup);

const pool: Pool = {
  symbols: ['BTCUSDT', 'ETHUSDT'],
  assets: [
    { asset: 'USDT', marginBalance: '793930579.315848', updateTime: OVERVIEW_AT },
    { asset: 'BTC', marginBalance: '61.73143554', updateTime: OVERVIEW_AT },
  ],
};
const history = overviewPool({
  symbols: pool.symbols,
  assets: [
    overviewAsset('USDT', '793930579.315848', { '1h': '793930000', '24h': '800000000.5' }, [
      '800000000.5',
      '797000000',
      '793930579.315848',
    ]),
    overviewAsset('BTC', '61.73143554', { '1h': '61.73143554', '24h': '60', '7d': '70' }),
  ],
});

function show(entries: OverviewPool[] | undefined, lang: Lang = 'en', windows?: ['24h']) {
  const valuation = createValuation({
    lowUsd: '100000',
    history: entries && new Map(entries.map((h) => [h.key, h])),
  });
  return render(
    <I18nProvider lang={lang}>
      <ValuationContext value={valuation}>
        <PoolCard pool={pool} now={OVERVIEW_AT} windows={windows} />
      </ValuationContext>
    </I18nProvider>,
  );
}

const change = (window: string, asset: string) =>
  document.querySelector<HTMLElement>(
    `[data-testid="change"][data-window="${window}"][data-asset="${asset}"]`,
  );

describe('a pool card with the recorded history', () => {
  it('gives each balance’s exact change over 1 h, 24 h and 7 d with its share, coloured by sign', () => {
    show([history]);
    const day = change('24h', 'USDT')!;
    expect(day.dataset.value).toBe('-6069421.184152');
    expect(day.dataset.sign).toBe('down');
    expect(day.textContent).toBe('24 h -6,069,421.184152 -0.76%');
    expect(day.title).toContain('800,000,000.5 at 2026-03-26 08:00:00 UTC');
    expect(change('1h', 'USDT')!.textContent).toContain('+579.315848');
    expect(change('1h', 'USDT')!.dataset.sign).toBe('up');
    expect(change('1h', 'BTC')!.dataset).toMatchObject({ value: '0.00000000', sign: 'flat' });
    expect(change('7d', 'BTC')!.dataset.value).toBe('-8.26856446');
  });

  it('says so in words, with no figure, where the history does not reach back the window', () => {
    show([history]);
    expect(change('7d', 'USDT')).toBeNull();
    const none = document.querySelector('[data-testid="change-none"][data-window="7d"]')!;
    expect(none.textContent).toBe('7 d not enough history');
    expect(none.getAttribute('title')).toContain('does not reach back 7 d');
  });

  it('says beside the figure that the members changed within the window', () => {
    show([{ ...history, regrouped: { '1h': false, '24h': true, '7d': true } }]);
    const day = change('24h', 'USDT')!;
    expect(day.dataset.regrouped).toBe('true');
    expect(day.textContent).toContain('members changed');
    expect(day.title).toContain('not a gain or a loss');
    expect(change('1h', 'USDT')!.dataset.regrouped).toBeUndefined();
  });

  it('draws the 24 h sparkline of its USDT balance, named in words', () => {
    show([history]);
    const spark = screen.getByRole('img', { name: 'USDT balance over 24 h: 800M to 793.93M' });
    expect(spark.dataset.points).toBe('3');
    expect(spark.dataset.trend).toBe('down');
  });

  it('claims nothing while the history cannot be had, and says a new pool has none yet', () => {
    const { unmount } = show(undefined);
    expect(document.querySelector('[data-testid^="change"]')).toBeNull();
    expect(screen.queryByTestId('sparkline')).toBeNull();
    unmount();
    show([]);
    expect(document.querySelectorAll('[data-testid="change"]')).toHaveLength(0);
    expect(document.querySelectorAll('[data-testid="change-none"]')).toHaveLength(6);
    expect(screen.getByTestId('sparkline-none').textContent).toBe('No 24 h history yet');
  });

  it('on the wall, gives the 24 h change only, in Chinese as well', () => {
    show([history], 'zh-CN', ['24h']);
    const card = screen.getByTestId('pool');
    expect(
      within(card)
        .getAllByTestId('change')
        .map((c) => c.dataset.window),
    ).toEqual(['24h', '24h']);
    expect(change('24h', 'USDT')!.textContent).toContain('24 小时');
  });
});
