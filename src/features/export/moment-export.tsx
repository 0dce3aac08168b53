import { Alert } from '../../components/alert';
import { DownloadButtons, useDownload } from '../../components/download';
import { TitledSection } from '../../components/titled-section';
import type { MomentAnswer } from '../../core/moment';
import { useI18n } from '../../lib/i18n/i18n';
import { momentExport } from './moment-files';

/** Downloads a past moment's pools as recorded then, CSV or JSON, named with that moment. */
export function MomentExport({ moment, demo }: { moment: MomentAnswer; demo: boolean }) {
  const i18n = useI18n();
  const { failed, save } = useDownload('export');
  return (
    <TitledSection id="moment-export" title={i18n.t('moment.export')}>
      <p className="text-sm tabular-nums">
        {i18n.t('moment.export.note', { time: i18n.formatUtc(moment.observedAt) })}
      </p>
      <DownloadButtons
        kinds={[
          ['csv', i18n.t('export.csv')],
          ['json', i18n.t('export.json')],
        ]}
        save={(format) => save(() => momentExport(moment, format, demo))}
      />
      {failed ? <Alert>{i18n.t('export.failed')}</Alert> : null}
    </TitledSection>
  );
}
