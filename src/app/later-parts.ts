import type { ComponentProps } from 'react';
import type { AlertsSection } from '../features/alerts/alerts-section';
import type { ExportPanel } from '../features/export/export-panel';
import type { MomentEntry } from '../features/moments/moment-entry';
import { loadLaterTexts } from '../lib/i18n/catalogues';
import { viewChunk } from './view-chunk';

/**
 * The export, at the foot of the overview, travels off the entry and comes once the page is up;
 * the server renders its place empty, as the browser's first render does.
 */
export const ExportPanelView = viewChunk<ComponentProps<typeof ExportPanel>>(() =>
  Promise.all([import('../features/export/export-panel'), loadLaterTexts()]).then(
    ([m]) => m.ExportPanel,
  ),
).View;

/**
 * The alerts, below the table: nothing of them is on screen before their answer comes (the server
 * renders their place empty), so their code and texts come with the page's later parts, not on
 * the entry.
 */
export const AlertsSectionView = viewChunk<ComponentProps<typeof AlertsSection>>(() =>
  Promise.all([import('../features/alerts/alerts-section'), loadLaterTexts()]).then(
    ([m]) => m.AlertsSection,
  ),
).View;

/**
 * The way from the live overview to a past one, below the table: its buttons and texts come with
 * the page's later parts (the server renders its place empty, as the browser's first render does).
 */
export const MomentEntryView = viewChunk<ComponentProps<typeof MomentEntry>>(() =>
  Promise.all([import('../features/moments/moment-entry'), loadLaterTexts()]).then(
    ([m]) => m.MomentEntry,
  ),
).View;
