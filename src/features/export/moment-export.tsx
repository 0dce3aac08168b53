import { Alert } from '../../components/alert';
import { downloadButton as button, useDownload } from '../../components/download';
import { TitledSection } from '../../components/titled-section';
import type { MomentAnswer } from '../../core/moment';
import { useI18n } from '../../lib/i18n/i18n';
import { momentExport } from './moment-files';

/** Downloads a past moment's pools as recorded then, CSV or JSON, named with that moment. */
export function MomentExport({ moment, demo }: { moment: MomentAnswer; demo: boolean }) {
  const i18n = useI18n();
  const { failed, save: download } = useDownload('export');
  const save = (format: 'csv' | 'json') => void download(() => momentExport(moment, format, demo));
  return (
    <TitledSection id="moment-export" title={i18n.t('moment.export')}>
      <p className="text-sm tabular-nums">
        {i18n.t('moment.export.note', { time: i18n.formatUtc(moment.observedAt) })}
      </p>
      <div className="flex flex-wrap gap-2">
        <button type="button" className={button} onClick={() => save('csv')}>
          {i18n.t('export.csv')}
        </button>
        <button type="button" className={button} onClick={() => save('json')}>
          {i18n.t('export.json')}
        </button>
      </div>
      {failed ? <Alert>{i18n.t('export.failed')}</Alert> : null}
    </TitledSection>
  );
}
