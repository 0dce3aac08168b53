/** What the history's sections load lazily, in one chunk (lazy-parts.ts). */
export { EventsBody } from './events-body';
export { HistoryBody } from './pool-history';
