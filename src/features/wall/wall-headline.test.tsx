// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ValuationContext } from '../../components/valuation-context';
import type { Pool } from '../../core/pool-schema';
import { indexMap } from '../../core/valuation';
import { I18nProvider } from '../../lib/i18n/i18n';
import { createValuation } from '../../core/pool-figures';
import { OVERVIEW_AT, overviewAsset, overviewPool } from '../../test/overview-pool';
import { WallHeadline } from './wall-headline';

afterEach(cleanup);

const pool = (symbols: string[], usdt: string): Pool => ({
  symbols,
  assets: [{ asset: 'USDT', marginBalance: usdt, updateTime: OVERVIEW_AT }],
});
const pools = [pool(['BTCUSDT'], '1000'), pool(['TROYUSDT'], '30')];
const index = indexMap([{ symbol: 'USDTUSD', index: '0.5', time: OVERVIEW_AT }]);

function show(history: boolean) {
  const valuation = createValuation({
    lowUsd: '1',
    index,
    history: history
      ? new Map(
          [
            overviewPool({
              symbols: ['BTCUSDT'],
              assets: [overviewAsset('USDT', '1000', { '24h': '900' })],
            }),
            overviewPool({
              symbols: ['TROYUSDT'],
              assets: [overviewAsset('USDT', '30', { '24h': '40' })],
            }),
          ].map((h) => [h.key, h]),
        )
      : undefined,
  });
  render(
    <I18nProvider lang="en">
      <ValuationContext value={valuation}>
        <WallHeadline pools={pools} />
      </ValuationContext>
    </I18nProvider>,
  );
}

describe('the wall’s headline', () => {
  it('gives what all pools are worth, its change over 24 h and the biggest fall', () => {
    show(true);
    expect(screen.getByTestId('wall-total').dataset.value).toBe('515.00');
    // (+100 - 10) USDT at 0.5
    const change = screen.getByTestId('wall-total-change');
    expect(change.dataset).toMatchObject({ value: '45.00', sign: 'up' });
    expect(change.textContent).toBe('+$45.00 +9.6%');
    const fall = screen.getByTestId('wall-biggest-fall');
    expect(fall.dataset).toMatchObject({ symbols: 'TROYUSDT', value: '-5.00', basis: 'usd' });
    expect(fall.textContent).toBe('TROY -$5.00 -25%');
  });

  it('gives the worth alone while the history cannot be had', () => {
    show(false);
    expect(screen.getByTestId('wall-total')).toBeTruthy();
    expect(screen.queryByTestId('wall-total-change')).toBeNull();
    expect(screen.queryByTestId('wall-biggest-fall')).toBeNull();
  });
});
