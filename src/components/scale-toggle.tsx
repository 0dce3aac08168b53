import { useId } from 'react';
import { useI18n } from '../lib/i18n/i18n';
import { SCALES, type Scale } from '../lib/url-state';

/** Log or linear, as native radio buttons: arrow keys move between them, the choice lives in the link. */
export function ScaleToggle({
  scale,
  onChange,
}: {
  scale: Scale;
  onChange: (next: Scale) => void;
}) {
  const { t } = useI18n();
  const labelId = useId();
  return (
    <div role="radiogroup" aria-labelledby={labelId} className="flex items-center gap-2 text-sm">
      <span id={labelId} className="text-[var(--muted)]">
        {t('charts.scale')}
      </span>
      <div className="inline-flex overflow-hidden rounded-md border border-[var(--border)]">
        {SCALES.map((s) => (
          <label
            key={s}
            className="cursor-pointer px-3 py-1 has-[:checked]:bg-[var(--chart-bar)] has-[:checked]:font-semibold has-[:checked]:text-[var(--bg)] has-[:focus-visible]:outline-3 has-[:focus-visible]:outline-[var(--focus)]"
          >
            <input
              type="radio"
              name={`scale-${labelId}`}
              value={s}
              checked={scale === s}
              onChange={() => onChange(s)}
              className="sr-only"
            />
            {t(`charts.scale.${s}`)}
          </label>
        ))}
      </div>
    </div>
  );
}
