import type { AdlLevel } from '../core/adl';
import { useI18n } from '../lib/i18n/i18n';

/** Each rating's colour: high in the falling colour, medium in the warning's, low quiet. */
export const ADL_TONE: Record<AdlLevel, string> = {
  high: 'border-[var(--down)] text-[var(--down)] font-semibold',
  medium: 'border-[var(--warn-border)] bg-[var(--warn-bg)]',
  low: 'border-[var(--border)] text-[var(--muted)]',
  unknown: 'border-dashed border-[var(--border)] text-[var(--muted)]',
};

/** A rating in words ("ADL risk: high"), in its colour. */
export function AdlLevelChip({ level, className = '' }: { level: AdlLevel; className?: string }) {
  const { t } = useI18n();
  return (
    <span
      className={`inline-block rounded border px-1.5 text-[0.8125em] leading-5 ${ADL_TONE[level]} ${className}`}
    >
      {t(`adl.level.${level}`)}
    </span>
  );
}
