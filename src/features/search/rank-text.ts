import type { I18n } from '../../lib/i18n/i18n';

const ORDINAL_FORMS = ['one', 'two', 'few'] as const;
const ordinalRules = new Map<string, Intl.PluralRules>();

/** "1st", "2nd", "3rd", "11th" in English; the bare number where the language needs no suffix (第 3 大). */
export function ordinal(i18n: I18n, n: number): string {
  let rules = ordinalRules.get(i18n.lang);
  if (!rules)
    ordinalRules.set(i18n.lang, (rules = new Intl.PluralRules(i18n.lang, { type: 'ordinal' })));
  const form = ORDINAL_FORMS.find((f) => f === rules.select(n)) ?? 'other';
  return i18n.t(`search.ordinal.${form}`, { n: i18n.formatCount(n) });
}

/** "3rd largest USDT pool of 48", "Largest USDT pool of 48", "USDT 资金池第 3 大（共 48 个）". */
export function rankText(i18n: I18n, rank: number, of: number, asset: string): string {
  const count = i18n.formatCount(of);
  if (rank === 1) return i18n.t('search.rankFirst', { asset, count });
  return i18n.t('search.rank', { ordinal: ordinal(i18n, rank), asset, count });
}
