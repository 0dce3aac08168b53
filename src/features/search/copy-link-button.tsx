import { useEffect, useState } from 'react';
import { Alert } from '../../components/alert';
import { useI18n } from '../../lib/i18n/i18n';
import { useIsClient } from '../../lib/render-seed';

type CopyState = { state: 'idle' } | { state: 'copied' } | { state: 'failed'; link: string };

const COPIED_MS = 3_000;

/** Copies the address of this view; where the browser refuses, shows the link to copy by hand. */
export function CopyLinkButton() {
  const { t } = useI18n();
  const [copy, setCopy] = useState<CopyState>({ state: 'idle' });
  const ready = useIsClient();

  useEffect(() => {
    if (copy.state !== 'copied') return undefined;
    const timer = setTimeout(() => setCopy({ state: 'idle' }), COPIED_MS);
    return () => clearTimeout(timer);
  }, [copy]);

  const onCopy = async () => {
    const link = window.location.href;
    try {
      if (!navigator.clipboard) throw new Error('no clipboard');
      await navigator.clipboard.writeText(link);
      setCopy({ state: 'copied' });
    } catch {
      setCopy({ state: 'failed', link });
    }
  };

  return (
    <div className="flex flex-wrap items-center gap-2">
      <button
        type="button"
        className="rounded-md border border-[var(--border)] bg-[var(--surface)] px-3 py-1 text-sm font-semibold"
        disabled={!ready}
        onClick={() => void onCopy()}
      >
        {t('search.copy')}
      </button>
      <span role="status" className="text-sm text-[var(--state-text-live)]">
        {copy.state === 'copied' ? t('search.copied') : ''}
      </span>
      {copy.state === 'failed' ? (
        <div className="basis-full space-y-2">
          <Alert tone="warning">{t('search.copyFailed')}</Alert>
          <input
            readOnly
            aria-label={t('search.link')}
            value={copy.link}
            onFocus={(e) => e.target.select()}
            className="w-full rounded-md border border-[var(--border)] bg-[var(--bg)] px-2 py-1 font-mono text-sm text-[var(--fg)]"
          />
        </div>
      ) : null}
    </div>
  );
}
