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
});
