import { useAdlChanges } from '../api/adl';
import type { AdlLevel, AdlRating } from '../core/adl';
import { useI18n } from '../lib/i18n/i18n';

const FILL: Record<AdlLevel, string> = {
  high: 'bg-[var(--down)]',
  medium: 'bg-[var(--warn-border)]',
  low: 'bg-[var(--border)]',
  unknown: 'bg-transparent',
};

interface Segment {
  from: number;
  to: number;
  level: AdlLevel;
}

/** The ratings over `[from, to]` as spans of time: each from its change to the next (or `to`). */
export function adlSegments(changes: readonly AdlRating[], from: number, to: number): Segment[] {
  const out: Segment[] = [];
  for (const [i, c] of changes.entries()) {
    const start = Math.max(from, c.updateTime);
    const end = Math.min(to, changes[i + 1]?.updateTime ?? to);
    if (end > start) out.push({ from: start, to: end, level: c.level });
  }
  return out;
}

/**
 * The symbol's ADL risk ratings over the history's range, as a band on the same time axis as the
 * balance charts above it (from `from` to `to`), so a fall and a change of rating read together;
 * and the changes in words, for screen readers and for the exact times.
 */
export function AdlBand({
  symbol,
  from,
  to,
  refreshMs,
}: {
  symbol: string;
  from: number;
  to: number;
  refreshMs: number;
}) {
  const i18n = useI18n();
  const changes = useAdlChanges(symbol, from, to, refreshMs);
  if (!changes || changes.length === 0 || to <= from) return null;
  const segments = adlSegments(changes, from, to);
  const within = changes.filter((c) => c.updateTime >= from && c.updateTime <= to);
  const pct = (t: number) => `${(((t - from) / (to - from)) * 100).toFixed(3)}%`;
  return (
    <figure data-testid="adl-band" data-symbol={symbol} className="space-y-1">
      <figcaption className="text-sm font-semibold">{i18n.t('adl.band', { symbol })}</figcaption>
      <div
        aria-hidden="true"
        className="relative h-3 w-full overflow-hidden rounded border border-[var(--border)]"
      >
        {segments.map((s) => (
          <span
            key={s.from}
            title={`${i18n.t(`adl.level.${s.level}`)}: ${i18n.formatUtc(s.from)}`}
            className={`absolute inset-y-0 ${FILL[s.level]}`}
            style={{ left: pct(s.from), width: pct(from + (s.to - s.from)) }}
          />
        ))}
      </div>
      <div className="flex justify-between text-xs tabular-nums text-[var(--muted)]">
        <span>{i18n.formatUtc(from)}</span>
        <span>{i18n.formatUtc(to)}</span>
      </div>
      {within.length > 0 ? (
        <ol className="space-y-0.5 text-sm">
          {within.map((c) => (
            <li
              key={c.updateTime}
              data-testid="adl-change"
              data-level={c.level}
              data-t={c.updateTime}
              className="tabular-nums"
            >
              {i18n.t('adl.changeAt', {
                time: i18n.formatUtc(c.updateTime),
                level: i18n.t(`adl.level.${c.level}`),
              })}
            </li>
          ))}
        </ol>
      ) : (
        <p className="text-sm text-[var(--muted)]">{i18n.t('adl.noChange', { symbol })}</p>
      )}
    </figure>
  );
}
