import { lazy } from 'react';

/** The charts and Recharts travel in their own chunk, fetched while the pools list is already on screen. */
export const LazyAssetCharts = lazy(() =>
  import('./asset-charts').then((m) => ({ default: m.AssetCharts })),
);
