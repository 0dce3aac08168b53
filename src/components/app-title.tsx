import { useI18n } from '../lib/i18n/i18n';

/** The dashboard's name and what it covers, at the head of the overview and of a past moment. */
export function AppTitle() {
  const i18n = useI18n();
  return (
    <div>
      <h1 className="text-2xl font-semibold">{i18n.t('app.title')}</h1>
      <p className="text-sm text-[var(--muted)]">{i18n.t('app.subtitle')}</p>
    </div>
  );
}
