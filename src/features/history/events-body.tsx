import { useMemo } from 'react';
import type { ApiError } from '../../api/errors';
import type { EventsAnswer } from '../../core/history';
import type { Navigate } from '../../lib/use-url-state';
import { eventsOfSymbol } from './event-filter';
import { EventsList } from './events-list';

/** The events of an answer, those of one symbol's pools only when `symbol` is given. */
export function EventsBody({
  answer,
  error,
  limit,
  symbol,
  navigate,
}: {
  answer: EventsAnswer | undefined;
  error: ApiError | undefined;
  /** The most events asked for: an answer that long has older ones left out. */
  limit: number;
  symbol?: string;
  navigate: Navigate;
}) {
  const events = useMemo(
    () => (answer && symbol !== undefined ? eventsOfSymbol(answer.events, symbol) : answer?.events),
    [answer, symbol],
  );
  return (
    <EventsList
      events={events}
      error={error}
      cut={answer && answer.events.length >= limit ? limit : undefined}
      navigate={navigate}
    />
  );
}
