import type { MomentAnswer } from '../../core/moment';
import { useI18n } from '../../lib/i18n/i18n';
import { useIsClient } from '../../lib/render-seed';
import { formatLocal } from './moment-time';
import { recordingNote, type RecordingNote } from './recording-note';

const button =
  'rounded-md border border-[var(--border)] bg-[var(--surface)] px-3 py-1.5 text-sm font-medium hover:border-[var(--accent)]';

const VS_TEXT = {
  before: 'moment.vsBefore',
  gap: 'moment.vsGap',
  after: 'moment.vsAfter',
  recording: 'moment.vsRecording',
} as const;

/**
 * Which recording the change is counted from, said as the moment's own is: the comparison
 * moment asked for and the recording used; before the first recording, in a gap or after the
 * last one as a warning, between two recordings as a plain note.
 */
export function VsNote({ note }: { note: RecordingNote }) {
  const i18n = useI18n();
  const warn = note.kind !== 'recording';
  return (
    <p
      role={warn ? 'alert' : undefined}
      data-testid="as-of-vs"
      data-kind={note.kind}
      data-vs={note.asked}
      data-used={note.used}
      className={warn ? 'text-sm' : 'text-sm text-[var(--muted)]'}
    >
      {i18n.t(VS_TEXT[note.kind], {
        asked: i18n.formatUtc(note.asked),
        utc: i18n.formatUtc(note.used),
      })}
    </p>
  );
}

/**
 * What a past moment's page says first: that it is not live, which moment it shows (the
 * reader's time, UTC beside it), which recording that is when it is not the moment itself (a
 * gap, or after the last recording), which recording a change since `vs` is counted from, which
 * asset index values it, and the way back to live.
 */
export function MomentBanner({
  at,
  answer,
  vs,
  onLive,
}: {
  at: number;
  answer: MomentAnswer | undefined;
  /** With `vs`: which recording the change is counted from, when it is not `vs` itself. */
  vs?: RecordingNote | undefined;
  onLive: () => void;
}) {
  const i18n = useI18n();
  // The reader's zone is not known to a page rendered on the server.
  const local = useIsClient();
  const shown = answer?.at === at ? answer : undefined;
  const note = recordingNote(at, shown);
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
        <button type="button" className={`${button} ml-auto`} disabled={!local} onClick={onLive}>
          {i18n.t('moment.backToLive')}
        </button>
      </div>
      {shown ? (
        <>
          {note?.kind === 'gap' || note?.kind === 'after' ? (
            <p role="alert" data-testid="as-of-gap" className="text-sm">
              {i18n.t(note.kind === 'after' ? 'moment.after' : 'moment.gap', {
                utc: i18n.formatUtc(note.used),
              })}
            </p>
          ) : note?.kind === 'recording' ? (
            <p className="text-sm text-[var(--muted)]">
              {i18n.t('moment.recording', { utc: i18n.formatUtc(note.used) })}
            </p>
          ) : null}
          <p className="text-sm text-[var(--muted)]">
            {indexTime
              ? i18n.t('moment.index', { utc: i18n.formatUtc(indexTime) })
              : i18n.t('moment.noIndex')}
          </p>
        </>
      ) : null}
      {vs ? <VsNote note={vs} /> : null}
    </section>
  );
}
