import { formatExact } from '../core/decimal';
import type { Drawdown } from '../core/drawdown';
import type { FlagName, LowFlag, DrawnDownFlag, StaleFlag } from '../core/flags';
import { formatDuration } from '../lib/duration';
import type { MessageKey } from '../lib/i18n/en';
import type { I18n } from '../lib/i18n/i18n';

/** The words of each flag, and the sentences that give the figures that raised it. */
export const FLAG_LABELS: Record<FlagName, MessageKey> = {
  low: 'flags.low',
  'drawn-down': 'flags.drawnDown',
  stale: 'flags.stale',
};

/** The flags' words, as a list: "Low, Stale". */
export function flagList(flags: readonly FlagName[], i18n: I18n): string {
  return flags.map((f) => i18n.t(FLAG_LABELS[f])).join(', ');
}

/** Dollars to the cent, every digit, no float on the way. */
export function formatUsd(usd: string, i18n: I18n): string {
  return i18n.t('value.usd', { amount: formatExact(usd, i18n.lang) });
}

const percents = new Map<string, Intl.NumberFormat>();
function percent(share: number, lang: string, signed: boolean): string {
  const key = `${lang}:${signed}`;
  let f = percents.get(key);
  if (!f) {
    f = new Intl.NumberFormat(lang, {
      style: 'percent',
      maximumFractionDigits: 1,
      signDisplay: signed ? 'exceptZero' : 'auto',
    });
    percents.set(key, f);
  }
  return f.format(share);
}

export function lowHint(flag: LowFlag, i18n: I18n): string {
  const parts: string[] = [];
  if (flag.below) {
    const { usd, threshold } = flag.below;
    parts.push(
      i18n.t('flags.lowValue', {
        usd: formatUsd(usd, i18n),
        threshold: formatUsd(threshold, i18n),
      }),
    );
  }
  if (flag.zero.length > 0) parts.push(i18n.t('flags.lowZero', { assets: flag.zero.join(', ') }));
  return parts.join(' ');
}

function drawdownHint(d: Drawdown, i18n: I18n): string {
  const amount = (v: string) =>
    d.basis === 'usd' ? formatUsd(v, i18n) : `${formatExact(v, i18n.lang)} ${d.basis}`;
  const sentence = i18n.t(d.window === 'peak7d' ? 'flags.peak7d' : 'flags.24h', {
    from: amount(d.from),
    to: amount(d.to),
    change: percent(d.change, i18n.lang, true),
    limit: percent(Number(d.limit), i18n.lang, false),
  });
  return d.basis === 'usd' ? `${i18n.t('flags.atToday')} ${sentence}` : sentence;
}

export function drawnDownHint(flag: DrawnDownFlag, i18n: I18n): string {
  return flag.drawdowns.map((d) => drawdownHint(d, i18n)).join(' ');
}

export function staleHint(flag: StaleFlag, i18n: I18n): string {
  const age = formatDuration(flag.ageMs, i18n.lang);
  const after = formatDuration(flag.afterMs, i18n.lang);
  if (flag.interval === null) return i18n.t('flags.staleFloor', { age, after });
  const interval = formatDuration(flag.interval, i18n.lang);
  return i18n.t('flags.staleLearned', { age, interval, after });
}
