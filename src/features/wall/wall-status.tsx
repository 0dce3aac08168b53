import { DemoBadge } from '../../components/demo-badge';
import { FreshnessBadge } from '../../components/freshness-badge';
import type { Freshness } from '../../lib/freshness';
import { useI18n } from '../../lib/i18n/i18n';
import { useIsClient } from '../../lib/render-seed';
import { formatCountdown, nextRefreshAt } from './refresh-timing';

export interface WallStatusProps {
  now: number;
  freshness: Freshness;
  demo: boolean;
  /** When data last arrived; 0 before the first. */
  dataUpdatedAt: number;
  errorUpdatedAt: number;
  /** The newest `updateTime` of the snapshot on screen; 0 without one. */
  snapshotAt: number;
  refreshMs: number;
  pausedUntil: number;
  fetching: boolean;
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
  const { now, refreshMs, pausedUntil } = props;
  const settledAt = Math.max(props.dataUpdatedAt, props.errorUpdatedAt);
  const nextAt = nextRefreshAt({ settledAt, refreshMs, pausedUntil });
  const paused = pausedUntil > now;

  let next: React.ReactNode;
  if (paused) {
    next = (
      <span data-testid="wall-paused" className="wall-paused">
        {i18n.t('wall.pausedUntil', { time: i18n.formatClock(pausedUntil) })}
      </span>
    );
  } else if (props.fetching && props.retrying) {
    next = i18n.t('wall.retrying');
  } else if (props.fetching && (settledAt === 0 || nextAt <= now)) {
    next = i18n.t('wall.refreshing');
  } else {
    // The shared clock ticks once a second, so it can lag the last refresh by up to a second.
    const remaining = Math.min(nextAt - now, nextAt - settledAt);
    next = i18n.t('wall.nextIn', { time: formatCountdown(remaining, i18n.lang) });
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
