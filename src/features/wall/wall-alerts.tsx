import { memo } from 'react';
import { useAlerts } from '../../api/alerts';
import type { RefreshPolicy } from '../../api/refresh-timing';
import { Alert } from '../../components/alert';
import { AlertItem } from '../../components/alert-item';
import { useI18n } from '../../lib/i18n/i18n';

/**
 * A banner on the wall for every alert firing on the server, whatever page of pools shows, so
 * a screen read from across the room says what the webhooks were told. Nothing when none fires.
 */
export const WallAlerts = memo(function WallAlerts({ policy }: { policy: RefreshPolicy }) {
  const i18n = useI18n();
  const { data } = useAlerts(policy);
  if (!data || data.active.length === 0) return null;
  return (
    <div data-testid="wall-alerts" className="wall-drops wall-alerts">
      <Alert>
        <strong>{i18n.t('alerts.firing')}</strong>{' '}
        <ul className="wall-drop-list">
          {data.active.map((a) => (
            <AlertItem key={a.id} alert={a} firing />
          ))}
        </ul>
      </Alert>
    </div>
  );
});
