import { memo } from 'react';
import type { Snapshot } from '../../api/api-client';
import type { Pool } from '../../core/pool-schema';
import { useAdlContext } from '../../components/adl-context';
import { Alert } from '../../components/alert';
import { DownloadButtons, useDownload } from '../../components/download';
import { TitledSection } from '../../components/titled-section';
import { useI18n } from '../../lib/i18n/i18n';
import type { ExportFormat } from './build-export';
import { EveryPoolHistory } from './every-pool-history';
import { exportTime } from './snapshot-time';

/** Downloads the snapshot on screen, CSV or JSON, named after the snapshot's time. */
export const ExportPanel = memo(function ExportPanel({
  snapshot,
}: {
  snapshot: Snapshot<Pool[]> | undefined;
}) {
  const i18n = useI18n();
  const { failed, save: download } = useDownload('export');
  const { ratings } = useAdlContext();
  const time = snapshot ? exportTime(snapshot.data, snapshot.fetchedAt) : 0;

  async function save(format: ExportFormat) {
    if (!snapshot) return;
    await download(async () => {
      // The writers load on first use: the page's first paint does not carry them.
      const { buildExport } = await import('./build-export');
      return buildExport(snapshot, format, ratings);
    });
  }

  return (
    <TitledSection id="export-title" title={i18n.t('export.title')}>
      {snapshot ? (
        <>
          <p className="text-sm tabular-nums">
            {i18n.t('export.snapshot', { time: i18n.formatUtc(time) })}
          </p>
          <DownloadButtons
            kinds={[
              ['csv', i18n.t('export.csv')],
              ['json', i18n.t('export.json')],
              ['symbols-csv', i18n.t('export.symbolsCsv')],
            ]}
            save={save}
          />
          <p className="text-sm text-[var(--muted)]">{i18n.t('export.layout')}</p>
          <p className="text-sm text-[var(--muted)]">{i18n.t('export.spreadsheetHint')}</p>
        </>
      ) : (
        <p className="text-sm text-[var(--muted)]">{i18n.t('export.empty')}</p>
      )}
      {failed ? <Alert>{i18n.t('export.failed')}</Alert> : null}
      {/* every pool's recorded history over a range, streamed by the server */}
      <EveryPoolHistory />
    </TitledSection>
  );
});
