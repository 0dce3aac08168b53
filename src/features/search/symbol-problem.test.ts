import { describe, expect, it } from 'vitest';
import { createI18n } from '../../lib/i18n/i18n';
import { displayText, symbolProblem } from './symbol-problem';

const en = createI18n('en');

describe('symbolProblem', () => {
  it('accepts what can be a symbol, in any case and script', () => {
    expect(symbolProblem(en, 'btcusdt')).toBeUndefined();
    expect(symbolProblem(en, '币安人生USDT')).toBeUndefined();
  });

  it('says in words why a text cannot be a symbol', () => {
    expect(symbolProblem(en, '  ')).toBe('Type a symbol to search for, such as BTCUSDT.');
    expect(symbolProblem(en, '<b>BTC</b>')).toBe(
      '“<b>BTC</b>” cannot be a futures symbol: a symbol has only letters, digits and _.',
    );
    expect(symbolProblem(en, 'A'.repeat(5000))).toBe(
      `“${'A'.repeat(48)}…” is longer than 40 characters, so it cannot be a futures symbol.`,
    );
  });
});

describe('displayText', () => {
  it('shows control and invisible characters as �, and cuts long text', () => {
    expect(displayText('BTC\u0000USDT\u200b')).toBe('BTC�USDT�');
    expect(displayText('币安人生'.repeat(20), 6)).toBe('币安人生币安…');
  });
});
