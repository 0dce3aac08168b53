import { createContext, useContext, useMemo, type ReactNode } from 'react';
import type { Lang } from '../url-state';
import { en, type MessageKey, type Messages } from './en';
import { zhCN } from './zh-CN';

const catalogues: Record<Lang, Messages> = { en, 'zh-CN': zhCN };

export type Params = Record<string, string | number>;

export interface I18n {
  lang: Lang;
  t: (key: MessageKey, params?: Params) => string;
  /** Picks `key.one` or `key.other` by the language's plural rules, with `{count}` filled in. */
  plural: (key: PluralKey, count: number) => string;
  /** Date and time in UTC, as risk teams compare snapshots across time zones. */
  formatUtc: (ms: number) => string;
  formatClock: (ms: number) => string;
  /** "5 min ago" */
  formatAgo: (ms: number, now: number) => string;
  formatCount: (n: number) => string;
}

type PluralKey = MessageKey extends infer K
  ? K extends `${infer Base}.one`
    ? Base
    : never
  : never;

export function interpolate(template: string, params?: Params): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

/** The browser's language where supported, else English. */
export function detectLang(languages: readonly string[]): Lang {
  for (const l of languages) {
    const lower = l.toLowerCase();
    if (lower.startsWith('zh')) return 'zh-CN';
    if (lower.startsWith('en')) return 'en';
  }
  return 'en';
}

export function createI18n(lang: Lang): I18n {
  const messages = catalogues[lang];
  const rules = new Intl.PluralRules(lang);
  const utc = new Intl.DateTimeFormat(lang, {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hour12: false,
    timeZone: 'UTC',
    timeZoneName: 'short',
  });
  const clock = new Intl.DateTimeFormat(lang, {
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hour12: false,
  });
  const relative = new Intl.RelativeTimeFormat(lang, { numeric: 'always', style: 'short' });
  const count = new Intl.NumberFormat(lang);
  const t = (key: MessageKey, params?: Params) => interpolate(messages[key], params);
  // Every card of a snapshot shows the same time, and formatting a date costs far more than
  // comparing one: the last answer is kept.
  let lastUtc = { ms: NaN, text: '' };
  const formatUtc = (ms: number) => {
    if (ms !== lastUtc.ms) lastUtc = { ms, text: utc.format(ms) };
    return lastUtc.text;
  };
  return {
    lang,
    t,
    plural: (key, n) =>
      t(`${key}.${rules.select(n) === 'one' ? 'one' : 'other'}` as MessageKey, {
        count: count.format(n),
      }),
    formatUtc,
    formatClock: (ms) => clock.format(ms),
    formatAgo: (ms, now) => {
      const s = Math.max(0, Math.round((now - ms) / 1000));
      if (s < 60) return relative.format(-s, 'second');
      if (s < 3600) return relative.format(-Math.floor(s / 60), 'minute');
      if (s < 86_400) return relative.format(-Math.floor(s / 3600), 'hour');
      return relative.format(-Math.floor(s / 86_400), 'day');
    },
    formatCount: (n) => count.format(n),
  };
}

const I18nContext = createContext<I18n>(createI18n('en'));

export function I18nProvider({ lang, children }: { lang: Lang; children: ReactNode }) {
  const value = useMemo(() => createI18n(lang), [lang]);
  return <I18nContext value={value}>{children}</I18nContext>;
}

export function useI18n(): I18n {
  return useContext(I18nContext);
}
