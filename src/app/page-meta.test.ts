import { describe, expect, it } from 'vitest';
import { createI18n } from '../lib/i18n/i18n';
import { parseUrlState } from '../lib/url-state';
import { documentedPools } from '../test/documented-answers';
import { pageMeta } from './page-meta';

const en = createI18n('en');

describe('pageMeta', () => {
  it('names a symbol the list does not hold and says what the link is for, claiming no pool', () => {
    const meta = pageMeta(en, parseUrlState('?symbol=pepe'), documentedPools);
    expect(meta.title).toBe('PEPE · Insurance fund balances · Binance USDⓈ-M futures');
    expect(meta.description).toBe(
      'The insurance fund pool that covers PEPE on Binance USDⓈ-M futures: its balances, exact to the last digit, and the symbols that share it.',
    );
  });

  it('keeps text that cannot be a symbol out of the title', () => {
    const meta = pageMeta(en, parseUrlState('?symbol=%3Cb%3E'), documentedPools);
    expect(meta.title).toBe('Insurance fund balances · Binance USDⓈ-M futures');
  });

  it('names the wall, and describes the overview without figures before any arrive', () => {
    expect(pageMeta(en, parseUrlState('?view=wall'), undefined)).toEqual({
      title: 'Insurance fund monitoring wall · Binance USDⓈ-M futures',
      description:
        'Every insurance fund pool of Binance USDⓈ-M futures: its balances, exact to the last digit, and the symbols it covers.',
    });
  });

  it('names a past moment as recorded, not live, in both languages, and the vs it is compared with', () => {
    const live = pageMeta(en, parseUrlState(''), documentedPools);
    const at = pageMeta(en, parseUrlState('?at=2026-12-01T21:00Z'), documentedPools);
    expect(at.title).toBe(
      'As recorded at 2026-12-01 21:00:00 UTC · Insurance fund balances · Binance USDⓈ-M futures',
    );
    expect(at.description).toContain('Recorded, not live.');
    // the live figures of the list are not described as the moment's
    expect(at.description).not.toBe(live.description);
    expect(at.description).not.toContain('Live balances');

    const vs = pageMeta(en, parseUrlState('?at=2026-12-01T21:00Z&vs=2026-12-01T03:00Z'), undefined);
    expect(vs.title).toBe(
      'As recorded at 2026-12-01 21:00:00 UTC, change since 2026-12-01 03:00:00 UTC · Insurance fund balances · Binance USDⓈ-M futures',
    );
    expect(vs.description).toContain('change since 2026-12-01 03:00:00 UTC');

    const zh = pageMeta(
      createI18n('zh-CN'),
      parseUrlState('?at=2026-12-01T21:00Z&vs=2026-12-01T03:00Z'),
      documentedPools,
    );
    expect(zh.title).toMatch(/^2026-12-01 21:00:00 UTC 的记录，对比 2026-12-01 03:00:00 UTC · /);
    expect(zh.description).toContain('非实时');
  });

  it('keeps the live title where the moment is not what the link shows: a bad at, a symbol, the wall', () => {
    const site = 'Insurance fund balances · Binance USDⓈ-M futures';
    expect(pageMeta(en, parseUrlState('?at=last-tuesday'), undefined).title).toBe(site);
    expect(
      pageMeta(en, parseUrlState('?at=2026-12-01T21:00Z&symbol=btcusdt'), undefined).title,
    ).toBe(`BTCUSDT · ${site}`);
    expect(pageMeta(en, parseUrlState('?at=2026-12-01T21:00Z&view=wall'), undefined).title).toBe(
      'Insurance fund monitoring wall · Binance USDⓈ-M futures',
    );
  });
});
