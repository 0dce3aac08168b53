import { useAdlChanges } from '../../api/adl';
import type { HistoryAnswer } from '../../core/history';
import { Alert } from '../../components/alert';
import { DownloadButtons, useDownload } from '../../components/download';
import { useI18n } from '../../lib/i18n/i18n';
import type { Range } from '../../lib/url-state';
import type { HistoryFormat } from './history-export';

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
  const { failed, save: download } = useDownload('history export');
  // The ratings the band under the charts shows: the same question, asked once.
  const adl = useAdlChanges(answer.symbol, answer.from, answer.to, 60_000);

  function save(format: HistoryFormat) {
    return download(async () => {
      // The writers load on first use.
      const { buildHistoryFile } = await import('./history-export');
      return buildHistoryFile(answer, range, format, demo, adl);
    });
  }

  return (
    <div className="space-y-2">
      <DownloadButtons
        kinds={[
          ['csv', i18n.t('history.export.csv')],
          ['json', i18n.t('history.export.json')],
        ]}
        save={save}
      />
      <p className="text-sm text-[var(--muted)]">{i18n.t('history.export.hint')}</p>
      {failed ? <Alert>{i18n.t('export.failed')}</Alert> : null}
    </div>
  );
}
