import { describe, expect, it } from 'vitest';
import { createI18n } from '../../lib/i18n/i18n';
import { ordinal, rankText } from './rank-text';

describe('rankText', () => {
  const en = createI18n('en');
  const zh = createI18n('zh-CN');

  it('uses English ordinals, including the teens', () => {
    expect([1, 2, 3, 4, 11, 12, 13, 21, 22, 23, 101, 111].map((n) => ordinal(en, n))).toEqual([
      '1st',
      '2nd',
      '3rd',
      '4th',
      '11th',
      '12th',
      '13th',
      '21st',
      '22nd',
      '23rd',
      '101st',
      '111th',
    ]);
  });

  it('says where a pool stands among the holders of an asset', () => {
    expect(rankText(en, 3, 48, 'USDT')).toBe('3rd largest USDT pool of 48');
    expect(rankText(en, 1, 1200, 'USDC')).toBe('Largest USDC pool of 1,200');
  });

  it('says it in Chinese with 第 … 大', () => {
    expect(rankText(zh, 3, 48, 'USDT')).toBe('USDT 资金池第 3 大（共 48 个）');
    expect(rankText(zh, 1, 48, 'USDT')).toBe('USDT 资金池中最大（共 48 个）');
  });
});
