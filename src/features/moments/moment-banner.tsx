import type { MomentAnswer } from '../../core/moment';
import { useI18n } from '../../lib/i18n/i18n';
import { useIsClient } from '../../lib/render-seed';
import { formatLocal } from './moment-time';

const button =
  'rounded-md border border-[var(--border)] bg-[var(--surface)] px-3 py-1.5 text-sm font-medium hover:border-[var(--accent)]';

/**
 * What a past moment's page says first: that it is not live, which moment it shows (the
 * reader's time, UTC beside it), which recording that is when it is not the moment itself (a
 * gap, or after the last recording), which asset index values it, and the way back to live.
 */
export function MomentBanner({
  at,
  answer,
  onLive,
}: {
  at: number;
  answer: MomentAnswer | undefined;
  onLive: () => void;
}) {
  const i18n = useI18n();
  // The reader's zone is not known to a page rendered on the server.
  const local = useIsClient();
  const shown = answer?.at === at ? answer : undefined;
  const used = shown?.observedAt;
  const after = shown?.range !== undefined && at > shown.range.last;
  const indexTime = shown?.index?.reduce((t, x) => Math.max(t, x.time), 0);
  return (
    <section
      data-testid="as-of"
      data-at={at}
      aria-label={i18n.t('moment.badge')}
      className="space-y-2 rounded-md border-2 border-[var(--warn-border)] bg-[var(--warn-bg)] px-4 py-3"
    >
      <div className="flex flex-wrap items-center gap-3">
        <strong className="text-base">
          {i18n.t('moment.notLive', {
            local: local ? formatLocal(at) : i18n.formatUtc(at),
            utc: i18n.formatUtc(at),
          })}
        </strong>
        <button type="button" className={`${button} ml-auto`} onClick={onLive}>
          {i18n.t('moment.backToLive')}
        </button>
      </div>
      {shown && used !== undefined ? (
        <>
          {shown.gap ? (
            <p role="alert" data-testid="as-of-gap" className="text-sm">
              {i18n.t(after ? 'moment.after' : 'moment.gap', { utc: i18n.formatUtc(used) })}
            </p>
          ) : used !== at ? (
            <p className="text-sm text-[var(--muted)]">
              {i18n.t('moment.recording', { utc: i18n.formatUtc(used) })}
            </p>
          ) : null}
          <p className="text-sm text-[var(--muted)]">
            {indexTime
              ? i18n.t('moment.index', { utc: i18n.formatUtc(indexTime) })
              : i18n.t('moment.noIndex')}
          </p>
        </>
      ) : null}
    </section>
  );
}
