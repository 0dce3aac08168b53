import type { Lang } from '../core/lang';

const formats = new Map<string, Intl.NumberFormat>();

type Unit = 'second' | 'minute' | 'hour' | 'day';

function format(lang: Lang, unit: Unit, value: number): string {
  const key = `${lang}:${unit}`;
  let f = formats.get(key);
  if (!f) {
    f = new Intl.NumberFormat(lang, { style: 'unit', unit, unitDisplay: 'long' });
    formats.set(key, f);
  }
  return f.format(value);
}

/**
 * A length of time in the largest unit that keeps it a whole number above one, rounded down
 * ("16 minutes", "3 days"): for tooltips that explain a rule, not for a clock.
 */
export function formatDuration(ms: number, lang: Lang): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  if (s < 120) return format(lang, 'second', s);
  if (s < 2 * 3600) return format(lang, 'minute', Math.floor(s / 60));
  if (s < 2 * 86_400) return format(lang, 'hour', Math.floor(s / 3600));
  return format(lang, 'day', Math.floor(s / 86_400));
}
