import type { Lang } from './url-state';

const seconds = new Map<Lang, Intl.NumberFormat>();

function secondsFormat(lang: Lang): Intl.NumberFormat {
  let format = seconds.get(lang);
  if (!format) {
    format = new Intl.NumberFormat(lang, {
      style: 'unit',
      unit: 'second',
      unitDisplay: 'short',
    });
    seconds.set(lang, format);
  }
  return format;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** "42 sec" under a minute, else "4:05" or "1:04:05": whole seconds, rounded up, never negative. */
export function formatCountdown(ms: number, lang: Lang): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  if (total < 60) return secondsFormat(lang).format(total);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  return h > 0 ? `${h}:${pad(m)}:${pad(s)}` : `${m}:${pad(s)}`;
}
