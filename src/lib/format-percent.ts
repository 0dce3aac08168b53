import type { Lang } from './url-state';

const formats = new Map<string, Intl.NumberFormat>();

function percent(lang: Lang, small: boolean): Intl.NumberFormat {
  const key = `${lang}|${small}`;
  let format = formats.get(key);
  if (!format) {
    // Under 1 % two significant digits (-0.012 %), above a tenth (-6.1 %); the sign always.
    format = new Intl.NumberFormat(lang, {
      style: 'percent',
      signDisplay: 'exceptZero',
      ...(small ? { maximumSignificantDigits: 2 } : { maximumFractionDigits: 1 }),
    });
    formats.set(key, format);
  }
  return format;
}

/**
 * A change as a signed share: `+6.1%`, `-0.012%`, `0%`. Empty for a change from zero, which has
 * no share of where it started.
 */
export function formatSignedPercent(rel: number | undefined, lang: Lang): string {
  if (rel === undefined || !Number.isFinite(rel)) return '';
  return percent(lang, Math.abs(rel) < 0.01).format(rel);
}
