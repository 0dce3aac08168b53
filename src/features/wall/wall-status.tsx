import { timeLeft, type NextAttempt } from '../../api/refresh-timing';
import { DemoBadge } from '../../components/demo-badge';
import { FreshnessBadge } from '../../components/freshness-badge';
import { formatCountdown } from '../../lib/format-countdown';
import type { Freshness } from '../../lib/freshness';
import { useI18n } from '../../lib/i18n/i18n';
import { useIsClient } from '../../lib/render-seed';

export interface WallStatusProps {
  now: number;
  freshness: Freshness;
  demo: boolean;
  /** When data last arrived; 0 before the first. */
  dataUpdatedAt: number;
  /** The newest `updateTime` of the snapshot on screen; 0 without one. */
  snapshotAt: number;
  /** The next attempt, as the client's own timer keeps it (api/refresh-timing.ts). */
  next: NextAttempt;
  /** The exchange asked for a pause (429 or 418) that is not over. */
  paused: boolean;
  /** The last attempt failed: the next one is a retry. */
  retrying: boolean;
}

function Field({ label, children, id }: { label: string; children: React.ReactNode; id: string }) {
  return (
    <div data-testid={id} className="wall-field">
      <span className="wall-field-label">{label}</span>
      <span className="wall-field-value">{children}</span>
    </div>
  );
}

/** Whether the screen can be trusted, and when it was last and will next be refreshed. */
export function WallStatus(props: WallStatusProps) {
  const i18n = useI18n();
  // The clock is in the viewer's zone, which a page rendered on the server cannot know yet.
  const local = useIsClient();
  const { now } = props;

  // The same time the client's timer keeps, so the screen never names one gone by.
  let next: React.ReactNode;
  if (props.next.underway) {
    next = i18n.t(props.retrying ? 'wall.retrying' : 'wall.refreshing');
  } else if (props.paused) {
    next = (
      <span data-testid="wall-paused" className="wall-paused">
        {i18n.t('wall.pausedUntil', { time: i18n.formatClock(props.next.at) })}
      </span>
    );
  } else {
    next = i18n.t(props.retrying ? 'wall.retryIn' : 'wall.nextIn', {
      time: formatCountdown(timeLeft(props.next, now), i18n.lang),
    });
  }

  return (
    <header className="wall-status">
      <div className="wall-title">
        <h1>{i18n.t('app.title')}</h1>
        <p>{i18n.t('app.subtitle')}</p>
      </div>
      {props.demo ? <DemoBadge /> : null}
      <FreshnessBadge
        state={props.freshness}
        lastSuccess={props.dataUpdatedAt}
        className="wall-freshness"
      />
      <Field id="wall-snapshot" label={i18n.t('wall.snapshot')}>
        {props.snapshotAt > 0 ? (
          <>
            <span>{i18n.formatUtc(props.snapshotAt)}</span>{' '}
            <strong data-testid="wall-snapshot-age">{i18n.formatAgo(props.snapshotAt, now)}</strong>
          </>
        ) : (
          i18n.t('wall.noSnapshot')
        )}
      </Field>
      <Field id="wall-next-refresh" label={i18n.t('wall.nextRefresh')}>
        {next}
      </Field>
      <Field id="wall-clock" label={i18n.t('wall.clock')}>
        <time className="wall-clock">{local && i18n.formatClock(now)}</time>
      </Field>
    </header>
  );
}
