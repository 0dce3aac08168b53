import type { Lang } from './url-state';

const formats = new Map<string, Intl.NumberFormat>();

function percent(lang: Lang, small: boolean): Intl.NumberFormat {
  const key = `${lang}|${small}`;
  let format = formats.get(key);
  if (!format) {
    // A move under 1 % keeps two significant digits (0.012 %), a larger one a tenth (6.1 %).
    format = new Intl.NumberFormat(
      lang,
      small
        ? { style: 'percent', maximumSignificantDigits: 2 }
        : { style: 'percent', maximumFractionDigits: 1 },
    );
    formats.set(key, format);
  }
  return format;
}

/**
 * The size of a balance's move, unsigned (the arrow beside it says the way): `6.1%`, `0.012%`.
 * Empty for a move from zero, which has no size relative to where it started.
 */
export function formatMove(rel: number | undefined, lang: Lang): string {
  if (rel === undefined || !Number.isFinite(rel)) return '';
  const size = Math.abs(rel);
  return percent(lang, size < 0.01).format(size);
}
