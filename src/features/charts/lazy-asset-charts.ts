import { lazy } from 'react';
import { loadLaterTexts } from '../../lib/i18n/catalogues';

/** The charts and Recharts travel in their own chunk, fetched while the pools list is already on screen. */
export const LazyAssetCharts = lazy(() =>
  Promise.all([import('./asset-charts'), loadLaterTexts()]).then(([m]) => ({
    default: m.AssetCharts,
  })),
);
