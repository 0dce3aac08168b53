import { useRef, useState, type MouseEvent } from 'react';
import { Alert } from '../../components/alert';
import { downloadButton as link } from '../../components/download';
import { useValuationState } from '../../components/valuation-context';
import { useI18n } from '../../lib/i18n/i18n';
import type { MessageKey } from '../../lib/i18n/en';
import { useNow } from '../../lib/use-now';
import { everyPoolHref, EXPORT_RANGES, HISTORY_FILES, type ExportRange } from './every-pool-files';
import { checkDownload, type DownloadProblem } from './check-download';

const PROBLEM_TEXT: Record<DownloadProblem['kind'], MessageKey> = {
  busy: 'export.everyPool.busy',
  unreadable: 'export.everyPool.unreadable',
  none: 'export.everyPool.none',
  refused: 'export.everyPool.refused',
  unreachable: 'export.everyPool.unreachable',
};

/**
 * Every pool's recorded history over a range, as plain download links to the server's
 * `/api/history/export`, so the browser streams the file however long the range. A plain click is
 * first asked of the server with HEAD, so a busy or missing history is said in words here
 * instead of a failed download in the browser's list; nothing is offered while the page knows
 * the history is missing.
 */
export function EveryPoolHistory() {
  const i18n = useI18n();
  const { historyMissing } = useValuationState();
  const now = useNow();
  const [range, setRange] = useState<ExportRange>('24h');
  const [problem, setProblem] = useState<DownloadProblem>();
  /** The link the server said yes to, whose own click this handler makes next. */
  const checked = useRef<HTMLAnchorElement | null>(null);

  async function onClick(e: MouseEvent<HTMLAnchorElement>) {
    if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    const anchor = e.currentTarget;
    // The second click is the one this handler made after the server said yes: let it through.
    if (checked.current === anchor) return void (checked.current = null);
    e.preventDefault();
    const found = await checkDownload(anchor.href, anchor.dataset.type ?? '');
    setProblem(found);
    if (found) return;
    checked.current = anchor;
    anchor.click();
  }

  return (
    <section aria-labelledby="every-pool-title" className="space-y-2 pt-2">
      <h3 id="every-pool-title" className="font-semibold">
        {i18n.t('export.everyPool.title')}
      </h3>
      {historyMissing ? (
        <p className="text-sm text-[var(--muted)]">{i18n.t('export.everyPool.missing')}</p>
      ) : (
        <>
          <fieldset className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm">
            <legend className="float-left mr-1 text-[var(--muted)]">
              {i18n.t('history.range')}
            </legend>
            {EXPORT_RANGES.map((r) => (
              <label key={r} className="inline-flex items-center gap-1">
                <input
                  type="radio"
                  name="every-pool-range"
                  value={r}
                  checked={r === range}
                  onChange={() => setRange(r)}
                />
                {i18n.t(`history.range.${r}`)}
              </label>
            ))}
          </fieldset>
          <div className="flex flex-wrap gap-2">
            {HISTORY_FILES.map((file) => (
              <a
                key={file.format}
                href={everyPoolHref(file.format, range, now)}
                download
                data-type={file.type}
                className={link}
                onClick={(e) => void onClick(e)}
              >
                {i18n.t(`export.everyPool.${file.format}`)}
              </a>
            ))}
          </div>
          <p className="text-sm text-[var(--muted)]">{i18n.t('export.everyPool.hint')}</p>
          {problem ? (
            <Alert>
              {i18n.t(PROBLEM_TEXT[problem.kind], {
                seconds: String(problem.retryAfter ?? ''),
                status: String(problem.status ?? ''),
              })}
            </Alert>
          ) : null}
        </>
      )}
    </section>
  );
}
