// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { AdlRating } from '../core/adl';
import type { Pool } from '../core/pool-schema';
import { I18nProvider } from '../lib/i18n/i18n';
import { AdlContext, adlViewOf } from './adl-context';
import { AdlStatus } from './adl-status';
import { PoolAdlSummary } from './adl-summary';
import { SymbolAdl } from './adl-symbol';

afterEach(cleanup);

const t = Date.UTC(2026, 11, 1, 12, 0, 0);
const pool: Pool = {
  symbols: ['AUSDT', 'BUSDT', 'CUSDT', 'DUSDT'],
  assets: [{ asset: 'USDT', marginBalance: '1', updateTime: t }],
};
const ratings = new Map<string, AdlRating>(
  (
    [
      ['AUSDT', 'high'],
      ['BUSDT', 'low'],
      ['CUSDT', 'unknown'],
    ] as const
  ).map(([symbol, level]) => [symbol, { symbol, level, updateTime: t }]),
);

function show(
  ui: React.ReactNode,
  view = adlViewOf(ratings, undefined),
  lang: 'en' | 'zh-CN' = 'en',
) {
  return render(
    <I18nProvider lang={lang}>
      <AdlContext value={view}>{ui}</AdlContext>
    </I18nProvider>,
  );
}

describe('the ADL risk of a pool', () => {
  it('counts the members by rating, an unknown word as not rated, and names the high ones', () => {
    show(<PoolAdlSummary pool={pool} />);
    const summary = screen.getByTestId('adl-summary');
    expect(summary.dataset).toMatchObject({ high: '1', medium: '0', low: '1', unrated: '2' });
    expect(summary.textContent).toContain('ADL risk: 1 high · 0 medium · 1 low (2 not rated)');
    expect(summary.textContent).toContain('Rated high: AUSDT');
  });

  it('says it in Chinese', () => {
    show(<PoolAdlSummary pool={pool} />, undefined, 'zh-CN');
    expect(screen.getByTestId('adl-summary').textContent).toContain(
      '自动减仓风险：高 1 · 中 0 · 低 1',
    );
  });

  it('shows no counts while the ratings are unavailable, and says since when instead', () => {
    show(
      <>
        <PoolAdlSummary pool={pool} />
        <AdlStatus />
        <SymbolAdl symbol="AUSDT" />
      </>,
      adlViewOf(undefined, t),
    );
    expect(screen.queryByTestId('adl-summary')).toBeNull();
    expect(screen.queryByTestId('adl-risk')).toBeNull();
    expect(screen.getByRole('status').textContent).toContain(
      'ADL risk ratings are unavailable since 2026-12-01 12:00:00 UTC',
    );
  });
});

describe('the ADL risk of a symbol', () => {
  it('gives its rating and since when, or says it has none', () => {
    show(
      <>
        <SymbolAdl symbol="AUSDT" />
      </>,
    );
    const risk = screen.getByTestId('adl-risk');
    expect(risk.dataset).toMatchObject({ symbol: 'AUSDT', level: 'high' });
    expect(risk.textContent).toContain('since 2026-12-01 12:00:00 UTC');
    cleanup();
    show(<SymbolAdl symbol="DUSDT" />);
    expect(screen.getByTestId('adl-risk').textContent).toContain('gives DUSDT no ADL risk rating');
  });
});
