import { useState } from 'react';
import type { HistoryEvent } from '../../core/history';
import { ApiErrorAlert } from '../../components/api-error-alert';
import type { ApiError } from '../../api/errors';
import { useI18n } from '../../lib/i18n/i18n';
import type { Navigate } from '../../lib/use-url-state';
import { EventItem } from './event-item';

/** Events shown before "Show all": the latest, enough to read at a glance. */
const FIRST = 10;

interface Props {
  events: readonly HistoryEvent[] | undefined;
  error: ApiError | undefined;
  /** The answer stopped at the limit: older events exist that are not listed. */
  cut: number | undefined;
  navigate: Navigate;
}

/** The events newest first, the latest ten at once and the rest on request. */
export function EventsList({ events, error, cut, navigate }: Props) {
  const i18n = useI18n();
  const [all, setAll] = useState(false);
  if (error) return <ApiErrorAlert error={error} keptData={events !== undefined} />;
  if (!events)
    return (
      <p role="status" className="text-sm text-[var(--muted)]">
        {i18n.t('events.loading')}
      </p>
    );
  if (events.length === 0) return <p className="text-sm">{i18n.t('events.none')}</p>;
  const shown = all ? events : events.slice(0, FIRST);
  return (
    <>
      <ol className="space-y-2">
        {shown.map((e, i) => (
          <EventItem key={`${e.at}:${e.kind}:${i}`} event={e} navigate={navigate} />
        ))}
      </ol>
      {events.length > FIRST ? (
        <button
          type="button"
          aria-expanded={all}
          className="rounded-md border border-[var(--border)] px-3 py-1 text-sm"
          onClick={() => setAll(!all)}
        >
          {all
            ? i18n.t('events.fewer')
            : i18n.t('events.more', { count: i18n.formatCount(events.length) })}
        </button>
      ) : null}
      {cut !== undefined ? (
        <p className="text-sm text-[var(--muted)]">
          {i18n.t('events.cut', { count: i18n.formatCount(cut) })}
        </p>
      ) : null}
    </>
  );
}
