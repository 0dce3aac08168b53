import { lazy } from 'react';

/** The history charts and Recharts travel in their own chunk, fetched once the answer is on the page. */
export const LazyHistoryCharts = lazy(() =>
  import('./history-charts').then((m) => ({ default: m.HistoryCharts })),
);
