import type { ComponentProps } from 'react';
import { loadLaterTexts } from '../lib/i18n/catalogues';
import type { MomentPage } from './moment-page';
import { viewChunk } from './view-chunk';

/**
 * A past moment's overview (`?at=`) travels in a chunk of its own, so the live overview's first
 * paint does not carry it: fetched before the first render of an `?at=` link (app/start.tsx), or
 * when a page turns into one (the moment entry, Back). The server holds it from the start.
 */
const page = viewChunk<ComponentProps<typeof MomentPage>>(() =>
  Promise.all([import('./moment-page'), loadLaterTexts()]).then(([m]) => m.MomentPage),
);

export const registerMomentPage = page.register;
export const loadMomentPage = page.load;
export const MomentPageView = page.View;
