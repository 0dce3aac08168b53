import { lazy } from 'react';

/**
 * The history's parts below their headings travel in a chunk of their own, loaded once the
 * page has painted: the entry stays the pool list's. The sections ask for their data at once,
 * so the answer and the chunk arrive side by side.
 */
const parts = () => import('./history-parts');

export const LazyHistoryBody = lazy(() => parts().then((m) => ({ default: m.HistoryBody })));
export const LazyEventsBody = lazy(() => parts().then((m) => ({ default: m.EventsBody })));
