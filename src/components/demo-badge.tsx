import { useI18n } from '../lib/i18n/i18n';

export function DemoBadge() {
  const { t } = useI18n();
  return (
    <span
      data-testid="demo-badge"
      title={t('app.demoHint')}
      className="demo-badge rounded-full border border-[var(--demo-border)] bg-[var(--demo-bg)] px-3 py-0.5 text-xs font-semibold uppercase tracking-wide text-[var(--demo-fg)]"
    >
      {t('app.demo')}
    </span>
  );
}
