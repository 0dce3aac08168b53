import { lazy } from 'react';
import { loadLaterTexts } from '../../lib/i18n/catalogues';

/**
 * The history's parts below their headings travel in a chunk of their own, loaded once the
 * page has painted: the entry stays the pool list's. The sections ask for their data at once,
 * so the answer and the chunk arrive side by side.
 */
const parts = () => Promise.all([import('./history-bodies'), loadLaterTexts()]).then(([m]) => m);

export const LazyHistoryBody = lazy(() => parts().then((m) => ({ default: m.HistoryBody })));
export const LazyEventsBody = lazy(() => parts().then((m) => ({ default: m.EventsBody })));
