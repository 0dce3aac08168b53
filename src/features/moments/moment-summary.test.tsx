// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ValuationContext } from '../../components/valuation-context';
import { createValuation } from '../../core/pool-figures';
import type { Pool } from '../../core/pool-schema';
import { indexMap } from '../../core/valuation';
import { I18nProvider } from '../../lib/i18n/i18n';
import { MomentSummary } from './moment-summary';

afterEach(cleanup);

const AT = Date.UTC(2026, 11, 1, 21);
const pool = (symbol: string, usdt: string): Pool => ({
  symbols: [symbol],
  assets: [{ asset: 'USDT', marginBalance: usdt, updateTime: AT }],
});

describe('the totals of a moment and of the one it is compared with', () => {
  it('values each moment with its own index and gives the exact change of each total', () => {
    const index = indexMap([{ symbol: 'USDTUSD', index: '0.5', time: AT }]);
    const vsIndex = indexMap([{ symbol: 'USDTUSD', index: '2', time: AT - 86_400_000 }]);
    render(
      <I18nProvider lang="en">
        <ValuationContext value={createValuation({ index, lowUsd: '0' })}>
          <MomentSummary
            at={AT}
            pools={[pool('AUSDT', '1000.01'), pool('BUSDT', '0.000000000000000001')]}
            index={index}
            vs={{ at: AT - 86_400_000, pools: [pool('AUSDT', '900')], index: vsIndex }}
            regrouped={0}
          />
        </ValuationContext>
      </I18nProvider>,
    );
    expect(screen.getByTestId('usd-total').getAttribute('data-value')).toBe('500.01');
    expect(screen.getByTestId('usd-total-vs').getAttribute('data-value')).toBe('1800.00');
    expect(screen.getByTestId('moment-total').getAttribute('data-value')).toBe(
      '1000.010000000000000001',
    );
    expect(screen.getByTestId('moment-total-change').getAttribute('data-value')).toBe(
      '100.010000000000000001',
    );
  });
});
