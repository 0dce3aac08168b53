import { useI18n } from '../../lib/i18n/i18n';
import { DEFAULT_RANGE, RANGES, withParams, type Range } from '../../lib/url-state';
import type { Navigate } from '../../lib/use-url-state';

/**
 * The ranges as links: each a bookmark of its own (`range=`), opened as a new history entry so
 * Back returns to the range before. The current one is marked for screen readers too.
 */
export function RangeLinks({
  range,
  ignored,
  navigate,
}: {
  range: Range;
  /** The link's `range=` that names no range: said in words, the default shown instead. */
  ignored?: string | undefined;
  navigate: Navigate;
}) {
  const { t, lang } = useI18n();
  const links = (
    <nav aria-label={t('history.range')} className="flex flex-wrap items-center gap-2 text-sm">
      <span aria-hidden="true" className="text-[var(--muted)]">
        {t('history.range')}
      </span>
      <ul className="inline-flex flex-wrap overflow-hidden rounded-md border border-[var(--border)]">
        {RANGES.map((r) => {
          const value = r === DEFAULT_RANGE ? undefined : r;
          return (
            <li key={r}>
              <a
                data-testid="history-range"
                data-range={r}
                href={`${window.location.pathname}${withParams(window.location.search, { range: value })}`}
                aria-current={r === range ? 'true' : undefined}
                className="block px-3 py-1 aria-[current]:bg-[var(--chart-bar)] aria-[current]:font-semibold aria-[current]:text-[var(--bg)]"
                onClick={(e) => {
                  if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
                  e.preventDefault();
                  if (r !== range) navigate({ range: value }, 'push');
                }}
              >
                {t(`history.range.${r}`)}
              </a>
            </li>
          );
        })}
      </ul>
    </nav>
  );
  if (ignored === undefined) return links;
  return (
    <div className="flex flex-col gap-2">
      <p role="alert" className="text-sm">
        {t('history.rangeIgnored', {
          asked: ignored,
          range: t(`history.range.${range}`),
          ranges: RANGES.join(lang === 'zh-CN' ? '、' : ', '),
        })}
      </p>
      {links}
    </div>
  );
}
