import { describe, expect, it } from 'vitest';
import { enFirst, type MessageKey, type Messages } from './en';
import { enLater } from './en-later';
import { zhCN } from './zh-CN';

const en: Messages = { ...enFirst, ...enLater };
const keys = Object.keys(en) as MessageKey[];
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
const withoutPlaceholders = (text: string) => text.replace(/\{\w+\}/g, '');
const HAN = /\p{Script=Han}/u;

/** Latin words a Chinese sentence keeps as they are: file formats, protocols, example symbols. */
const KEPT_IN_CHINESE = new Set(['CSV', 'JSON', 'HTTP', 'BTCUSDT', 'PEPE', 'pepe', 'U']);

/** Binance's Chinese API documentation names these things so; the interface says the same. */
const TERMS: [english: RegExp, chinese: string][] = [
  [/\binsurance\b/i, '保险基金'],
  [/\bsymbols?\b/i, '交易对'],
  [/\bsnapshots?\b/i, '快照'],
  [/\bexchange\b/i, '交易所'],
  [/\bbalances?\b/i, '余额'],
  [/\bpools?\b/i, '资金池'],
];

describe('the English catalogue', () => {
  it('keeps no text twice between the first chunk and the later one', () => {
    expect(Object.keys(enFirst).filter((key) => key in enLater)).toEqual([]);
  });
});

describe('the Chinese catalogue', () => {
  it('has exactly the keys of the English one', () => {
    expect(Object.keys(zhCN).sort()).toEqual([...keys].sort());
  });

  it.each(keys)('%s keeps the placeholders of the English text', (key) => {
    expect(placeholders(zhCN[key])).toEqual(placeholders(en[key]));
  });

  it.each(keys)('%s is translated unless it is only figures and placeholders', (key) => {
    if (/\p{L}/u.test(withoutPlaceholders(en[key]))) expect(zhCN[key]).not.toBe(en[key]);
    // Chinese has no ordinal suffix: "{n}st" may become a bare "{n}", but words become Chinese.
    if (/\p{L}/u.test(withoutPlaceholders(zhCN[key]))) expect(zhCN[key]).toMatch(HAN);
  });

  it.each(keys)('%s has no English word beyond formats and example symbols', (key) => {
    const latin = withoutPlaceholders(zhCN[key]).match(/[A-Za-z]+/g) ?? [];
    expect(latin.filter((w) => !KEPT_IN_CHINESE.has(w))).toEqual([]);
  });

  it.each(keys)('%s uses the terms of the Chinese API documentation', (key) => {
    const english = withoutPlaceholders(en[key]);
    const expected = TERMS.filter(([word]) => word.test(english)).map(([, term]) => term);
    for (const term of expected) expect(zhCN[key], `${en[key]} -> ${term}`).toContain(term);
  });
});

describe('the English catalogue', () => {
  it('has no Chinese text beyond the example symbol of the search field', () => {
    const han = keys.filter((k) => HAN.test(en[k]));
    expect(han).toEqual(['search.placeholder']);
  });

  it('pairs every singular form with a plural one', () => {
    for (const key of keys.filter((k) => k.endsWith('.one'))) {
      expect(keys).toContain(key.replace(/\.one$/, '.other'));
    }
  });
});
