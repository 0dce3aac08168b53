import { memo } from 'react';
import { useAlerts } from '../../api/alerts';
import type { RefreshPolicy } from '../../api/refresh-timing';
import { Alert } from '../../components/alert';
import { richText } from '../../components/rich-text';
import { AlertItem, ruleWatches } from '../../components/alert-item';
import { useI18n } from '../../lib/i18n/i18n';

/** A command, a setting's name or a file: code, the same in every language, never translated. */
const code = (text: string) => (
  <code lang="en" translate="no" className="font-mono">
    {text}
  </code>
);

const SETUP_PARTS = {
  env: code('ALERTS_FILE'),
  file: code('alerts.json'),
  check: code('npm run alerts -- check'),
  test: code('npm run alerts -- test'),
  docs: code('docs/alerts.md'),
};

/**
 * The overview's alerts: those firing now, the rules and what each watches, and the last 7 days
 * with how each notification fared. Without rules it says in two lines how to set them; a rules
 * file the server cannot use is named by its field.
 */
export const AlertsSection = memo(function AlertsSection({ policy }: { policy: RefreshPolicy }) {
  const i18n = useI18n();
  const { data, error } = useAlerts(policy);
  const heading = (
    <h2 id="alerts-title" className="text-lg font-semibold">
      {i18n.t('alerts.title')}
    </h2>
  );
  if (!data)
    return error ? (
      <section aria-labelledby="alerts-title" data-testid="alerts" className="space-y-2">
        {heading}
        <Alert tone="warning">{i18n.t('alerts.unavailable')}</Alert>
      </section>
    ) : null;
  const past = data.recent.filter((a) => a.endsAt !== null);
  return (
    <section aria-labelledby="alerts-title" data-testid="alerts" className="space-y-2">
      {heading}
      {data.problem ? (
        <Alert>{i18n.t('alerts.problem', data.problem)}</Alert>
      ) : data.rules.length === 0 ? (
        <div data-testid="alerts-setup" className="text-sm text-[var(--muted)]">
          <p>{richText(i18n.t('alerts.setup.1'), SETUP_PARTS)}</p>
          <p>{richText(i18n.t('alerts.setup.2'), SETUP_PARTS)}</p>
        </div>
      ) : (
        <>
          <p className="text-sm text-[var(--muted)]">{i18n.t('alerts.intro')}</p>
          <h3 className="font-medium">{i18n.t('alerts.active')}</h3>
          {data.active.length > 0 ? (
            <ul className="text-sm">
              {data.active.map((a) => (
                <AlertItem key={a.id} alert={a} firing />
              ))}
            </ul>
          ) : (
            <p className="text-sm text-[var(--muted)]">{i18n.t('alerts.activeNone')}</p>
          )}
          <h3 className="font-medium">{i18n.t('alerts.rules')}</h3>
          <ul className="text-sm" data-testid="alert-rules">
            {data.rules.map((r) => (
              <li key={r.name} data-rule={r.name}>
                <strong>{r.name}</strong>
                <span className="text-[var(--muted)]"> · {ruleWatches(r, i18n)}</span>
              </li>
            ))}
          </ul>
          <h3 className="font-medium">{i18n.t('alerts.recent')}</h3>
          {past.length > 0 ? (
            <ul className="text-sm">
              {past.map((a) => (
                <AlertItem key={a.id} alert={a} firing={false} />
              ))}
            </ul>
          ) : (
            <p className="text-sm text-[var(--muted)]">{i18n.t('alerts.recentNone')}</p>
          )}
        </>
      )}
    </section>
  );
});
