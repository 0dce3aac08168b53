import { useState } from 'react';
import { useAdlChanges } from '../../api/adl';
import type { HistoryAnswer } from '../../core/history';
import { Alert } from '../../components/alert';
import { downloadFile } from '../../lib/download-file';
import { useI18n } from '../../lib/i18n/i18n';
import type { Range } from '../../lib/url-state';
import type { HistoryFormat } from './history-export';

const button =
  'rounded-md border border-[var(--border)] bg-[var(--surface)] px-3 py-1.5 text-sm font-medium hover:border-[var(--accent)]';

/** Downloads the history on screen, CSV or JSON: the very answer the charts draw. */
export function HistoryExportButtons({
  answer,
  range,
  demo,
}: {
  answer: HistoryAnswer;
  range: Range;
  demo: boolean;
}) {
  const i18n = useI18n();
  const [failed, setFailed] = useState(false);
  // The ratings the band under the charts shows: the same question, asked once.
  const adl = useAdlChanges(answer.symbol, answer.from, answer.to, 60_000);

  async function save(format: HistoryFormat) {
    try {
      // The writers load on first use.
      const { buildHistoryFile } = await import('./history-export');
      const file = buildHistoryFile(answer, range, format, demo, adl);
      downloadFile(file.name, file.text, file.type);
      setFailed(false);
    } catch (error) {
      console.warn('[history export] download failed', error);
      setFailed(true);
    }
  }

  return (
    <div className="space-y-2">
      <div className="flex flex-wrap gap-2">
        <button type="button" className={button} onClick={() => void save('csv')}>
          {i18n.t('history.export.csv')}
        </button>
        <button type="button" className={button} onClick={() => void save('json')}>
          {i18n.t('history.export.json')}
        </button>
      </div>
      <p className="text-sm text-[var(--muted)]">{i18n.t('history.export.hint')}</p>
      {failed ? <Alert>{i18n.t('export.failed')}</Alert> : null}
    </div>
  );
}
