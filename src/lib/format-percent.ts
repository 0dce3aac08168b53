import type { Lang } from './url-state';

const formats = new Map<string, Intl.NumberFormat>();

/**
 * Under 1 % two significant digits (0.012 %), above a tenth (6.1 %); `signed`, the sign always
 * (-6.1 %, +0.012 %).
 */
function percent(lang: Lang, small: boolean, signed: boolean): Intl.NumberFormat {
  const key = `${lang}|${small}|${signed}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(lang, {
      style: 'percent',
      ...(signed ? { signDisplay: 'exceptZero' } : {}),
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
  return percent(lang, Math.abs(rel) < 0.01, true).format(rel);
}

/**
 * The size of a balance's move, unsigned (the arrow beside it says the way): `6.1%`, `0.012%`.
 * Empty for a move from zero, which has no size relative to where it started.
 */
export function formatMove(rel: number | undefined, lang: Lang): string {
  if (rel === undefined || !Number.isFinite(rel)) return '';
  const size = Math.abs(rel);
  return percent(lang, size < 0.01, false).format(size);
}
