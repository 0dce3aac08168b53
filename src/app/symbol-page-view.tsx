import type { ComponentProps } from 'react';
import { loadLaterTexts } from '../lib/i18n/catalogues';
import { viewChunk } from './view-chunk';
import type { SymbolPage } from './symbol-page';

/**
 * The symbol view (its pool, history and events) travels in a chunk of its own, so the overview's
 * first paint does not carry it: fetched before the first render of a `?symbol=` link
 * (app/start.tsx), and otherwise once the overview is on screen, ready for the first search.
 */
const page = viewChunk<ComponentProps<typeof SymbolPage>>(() =>
  Promise.all([import('./symbol-page'), loadLaterTexts()]).then(([m]) => m.SymbolPage),
);

export const registerSymbolPage = page.register;
export const loadSymbolPage = page.load;
export const SymbolPageView = page.View;
