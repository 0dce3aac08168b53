import { utcOffsetLabel } from '../../lib/i18n/i18n';

/**
 * A moment as the reader sees it: in their own zone for the picker and the banner, with UTC
 * beside it. A `datetime-local` field holds the local wall time without a zone, to the minute.
 */

const pad = (n: number) => String(n).padStart(2, '0');

/** `2026-12-01T20:00`: the local wall time of `ms` as a `datetime-local` field holds it. */
export function toLocalInput(ms: number): string {
  const d = new Date(ms);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** The moment a `datetime-local` value names in the reader's zone; `undefined` for an empty or bad one. */
export function fromLocalInput(value: string): number | undefined {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(value)) return undefined;
  const ms = new Date(value).getTime();
  return Number.isFinite(ms) ? ms : undefined;
}

/** The reader's zone as an offset from UTC at `ms` (`UTC+8`). */
export function zoneAt(ms: number): string {
  const part = new Intl.DateTimeFormat('en-US', { timeZoneName: 'longOffset' })
    .formatToParts(ms)
    .find((p) => p.type === 'timeZoneName');
  return utcOffsetLabel(part?.value ?? '');
}

/** `2026-12-01 20:00 UTC+8`: the date first in ISO order, then the local time and its zone. */
export function formatLocal(ms: number): string {
  return `${toLocalInput(ms).replace('T', ' ')} ${zoneAt(ms)}`;
}

/** The step of the slider: a minute, the finest a recording is chosen by. */
export const SLIDER_STEP_MS = 60_000;
