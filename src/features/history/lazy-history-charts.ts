import { lazy } from 'react';
import { loadLaterTexts } from '../../lib/i18n/catalogues';

/** The history charts and Recharts travel in their own chunk, fetched once the answer is on the page. */
export const LazyHistoryCharts = lazy(() =>
  Promise.all([import('./history-charts'), loadLaterTexts()]).then(([m]) => ({
    default: m.HistoryCharts,
  })),
);
