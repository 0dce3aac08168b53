import { createContext, useContext, useMemo, type ReactNode } from 'react';
import type { Lang } from '../url-state';
import { catalogueOf } from './catalogues';
import type { MessageKey } from './en';

export type Params = Record<string, string | number>;

export interface I18n {
  lang: Lang;
  t: (key: MessageKey, params?: Params) => string;
  /** Picks `key.one` or `key.other` by the language's plural rules, with `{count}` filled in. */
  plural: (key: PluralKey, count: number) => string;
  /**
   * Date and time in UTC, as risk teams compare snapshots across time zones: `2026-12-02
   * 01:30:35 UTC` in every language (ISO 8601 order, hours 00-23).
   */
  formatUtc: (ms: number) => string;
  /** A time of the viewer's own clock, with its zone: `09:32:44 UTC+8`, `01:32:44 UTC`. */
  formatClock: (ms: number) => string;
  /** "5 min ago" */
  formatAgo: (ms: number, now: number) => string;
  formatCount: (n: number) => string;
  /** Sentences one after another: a space between them in English, none in Chinese. */
  sentences: (...parts: string[]) => string;
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

/**
 * Hours 00-23 whatever the language: `hour12: false` lets an engine pick the h24 cycle, and Node
 * then writes the first hour after midnight as `24:30:05` while browsers write `00:30:05`.
 */
const TIME_OPTIONS = {
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
} as const satisfies Intl.DateTimeFormatOptions;

/** `GMT+08:00` (Intl's long offset) as `UTC+8`, `GMT+05:30` as `UTC+5:30`, `GMT` as `UTC`. */
export function utcOffsetLabel(longOffset: string): string {
  const m = /^GMT([+-])(\d{2}):(\d{2})$/.exec(longOffset);
  if (!m) return 'UTC';
  const [, sign, hours, minutes] = m;
  if (hours === '00' && minutes === '00') return 'UTC';
  return `UTC${sign}${Number(hours)}${minutes === '00' ? '' : `:${minutes}`}`;
}

/** A time any calendar can hold; an answer may carry one that none can, shown as a dash. */
const isTime = (ms: number) => !Number.isNaN(new Date(ms).getTime());

/** `2026-12-02`: ISO 8601, one order for every reader, so 2 December is never read as 12 February. */
const isoDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);

export interface I18nOptions {
  /** The zone of local times; the viewer's own when omitted (tests and servers pin one). */
  timeZone?: string;
}

export function createI18n(lang: Lang, { timeZone }: I18nOptions = {}): I18n {
  // The app renders a language once its catalogue is in (./catalogues); English until then.
  const messages = catalogueOf(lang);
  const rules = new Intl.PluralRules(lang);
  const utcTime = new Intl.DateTimeFormat(lang, { ...TIME_OPTIONS, timeZone: 'UTC' });
  const localTime = new Intl.DateTimeFormat(lang, { ...TIME_OPTIONS, timeZone });
  const offset = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' });
  const zoneOf = (ms: number) =>
    utcOffsetLabel(offset.formatToParts(ms).find((p) => p.type === 'timeZoneName')?.value ?? '');
  const relative = new Intl.RelativeTimeFormat(lang, { numeric: 'always', style: 'short' });
  const count = new Intl.NumberFormat(lang);
  // A text whose chunk has not come (./en-later) shows its key, never an empty place or a crash.
  const t = (key: MessageKey, params?: Params) =>
    interpolate((messages[key] as string | undefined) ?? key, params);
  // Every card of a snapshot shows the same time, and formatting a date costs far more than
  // comparing one: the last answer is kept.
  let lastUtc = { ms: NaN, text: '' };
  const formatUtc = (ms: number) => {
    if (ms !== lastUtc.ms)
      lastUtc = {
        ms,
        text: isTime(ms) ? `${isoDate(ms)} ${utcTime.format(ms)} UTC` : '—',
      };
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
    formatClock: (ms) => (isTime(ms) ? `${localTime.format(ms)} ${zoneOf(ms)}` : '—'),
    formatAgo: (ms, now) => {
      const s = Math.max(0, Math.round((now - ms) / 1000));
      if (s < 60) return relative.format(-s, 'second');
      if (s < 3600) return relative.format(-Math.floor(s / 60), 'minute');
      if (s < 86_400) return relative.format(-Math.floor(s / 3600), 'hour');
      return relative.format(-Math.floor(s / 86_400), 'day');
    },
    formatCount: (n) => count.format(n),
    sentences: (...parts) => parts.filter((p) => p !== '').join(lang === 'zh-CN' ? '' : ' '),
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
