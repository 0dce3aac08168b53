// @vitest-environment jsdom
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ValuationContext } from '../../components/valuation-context';
import { momentChanges } from '../../core/moment-change';
import type { Pool } from '../../core/pool-schema';
import { indexMap } from '../../core/valuation';
import { I18nProvider } from '../../lib/i18n/i18n';
import { createValuation } from '../../core/pool-figures';
import { MomentTable } from './moment-table';

afterEach(cleanup);

const AT = Date.UTC(2026, 11, 1, 21);
const pool = (symbols: string[], usdt: string, t = AT - 60_000): Pool => ({
  symbols,
  assets: [{ asset: 'USDT', marginBalance: usdt, updateTime: t }],
});
const vs = [pool(['BTCUSDT', 'DOGEUSDT'], '900.25'), pool(['XRPUSDT'], '80')];
const at = [
  pool(['BTCUSDT'], '1000'),
  pool(['DOGEUSDT'], '5'),
  pool(['XRPUSDT'], '60.5', AT - 7_200_000),
];

function show(sort: 'value' | 'changeVs', withVs = true) {
  const valuation = createValuation({
    index: indexMap([{ symbol: 'USDTUSD', index: '0.5', time: AT - 1000 }]),
    lowUsd: '100',
  });
  render(
    <I18nProvider lang="en">
      <ValuationContext value={valuation}>
        <MomentTable
          pools={at}
          at={AT}
          vs={withVs ? AT - 86_400_000 : undefined}
          changes={withVs ? momentChanges(at, vs) : undefined}
          sort={sort}
          dir={sort === 'changeVs' ? 'asc' : 'desc'}
          asset={undefined}
          onSort={vi.fn()}
          hrefOf={(s) => `?symbol=${s}`}
        />
      </ValuationContext>
    </I18nProvider>,
  );
  return screen.getAllByTestId('pool');
}

describe('every pool at a past moment', () => {
  it('values each pool with the index recorded then, and flags it as it stood then', () => {
    const rows = show('value', false);
    expect(rows.map((r) => r.getAttribute('data-pool-key'))).toEqual([
      'BTCUSDT',
      'XRPUSDT',
      'DOGEUSDT',
    ]);
    expect(within(rows[0]!).getByTestId('usd-value').getAttribute('data-value')).toBe('500.00');
    // under $100 then: Low; no snapshot for two hours before the moment: Stale
    const flags = (r: HTMLElement) =>
      within(r)
        .queryAllByTestId('pool-flag')
        .map((f) => f.getAttribute('data-flag'));
    expect(flags(rows[2]!)).toEqual(['low']);
    expect(flags(rows[1]!)).toEqual(['low', 'stale']);
    expect(flags(rows[0]!)).toEqual([]);
    expect(screen.queryAllByTestId('change')).toHaveLength(0);
  });

  it('gives the same pool’s exact change since vs and names a regrouping instead of a loss', () => {
    const rows = show('changeVs');
    expect(rows[0]!.getAttribute('data-pool-key')).toBe('XRPUSDT');
    const change = within(rows[0]!).getByTestId('change');
    expect(change.getAttribute('data-window')).toBe('vs');
    expect(change.getAttribute('data-value')).toBe('-19.5');
    expect(change.textContent).toMatch(/^-19\.5/);
    for (const r of rows.slice(1)) {
      const c = within(r).getByTestId('change');
      expect(c.getAttribute('data-regrouped')).toBe('true');
      expect(c.hasAttribute('data-value')).toBe(false);
      expect(within(r).getByTestId('moment-regrouped').textContent).toContain('BTC');
    }
  });
});
