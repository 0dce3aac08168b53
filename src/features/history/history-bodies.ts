/** What the history's sections load lazily, in one chunk (lazy-bodies.ts). */
export { EventsBody } from './events-body';
export { HistoryBody } from './history-body';
