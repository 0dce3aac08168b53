import { useState } from 'react';
import { Alert } from '../../components/alert';
import type { MomentAnswer } from '../../core/moment';
import { downloadFile } from '../../lib/download-file';
import { useI18n } from '../../lib/i18n/i18n';
import { momentExport } from './moment-files';

const button =
  'rounded-md border border-[var(--border)] bg-[var(--surface)] px-3 py-1.5 text-sm font-medium hover:border-[var(--accent)]';

/** Downloads a past moment's pools as recorded then, CSV or JSON, named with that moment. */
export function MomentExport({ moment, demo }: { moment: MomentAnswer; demo: boolean }) {
  const i18n = useI18n();
  const [failed, setFailed] = useState(false);
  const save = (format: 'csv' | 'json') => {
    try {
      const file = momentExport(moment, format, demo);
      downloadFile(file.name, file.text, file.type);
      setFailed(false);
    } catch (error) {
      console.warn('[export] download failed', error);
      setFailed(true);
    }
  };
  return (
    <section aria-labelledby="moment-export" className="space-y-2">
      <h2 id="moment-export" className="text-lg font-semibold">
        {i18n.t('moment.export')}
      </h2>
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
    </section>
  );
}
