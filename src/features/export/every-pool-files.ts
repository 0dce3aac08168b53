import { RANGE_MS, type Range } from '../../lib/url-state';

/** The server's download of the recorded history (server/history/export-route.ts). */
export const HISTORY_EXPORT = '/api/history/export';

/** The ranges every pool's history downloads over: the last so many ms, or everything recorded. */
export const EXPORT_RANGES = ['24h', '7d', '30d', 'all'] as const satisfies readonly Range[];
export type ExportRange = (typeof EXPORT_RANGES)[number];

/** The files the server writes, each with the content type its answer must carry. */
export const HISTORY_FILES = [
  { format: 'csv', type: 'text/csv' },
  { format: 'json', type: 'application/json' },
  { format: 'jsonl', type: 'application/x-ndjson' },
] as const;
export type HistoryFileFormat = (typeof HISTORY_FILES)[number]['format'];

/**
 * The link of one file over a range ending `now` (to the second, so the link stays the same
 * between two ticks of the clock); `all` names no bound, so it reaches the first recording.
 */
export function everyPoolHref(format: HistoryFileFormat, range: ExportRange, now: number): string {
  const params = new URLSearchParams();
  if (range !== 'all') {
    const to = Math.floor(now / 1000) * 1000;
    params.set('from', String(Math.max(0, to - RANGE_MS[range])));
    params.set('to', String(to));
  }
  params.set('format', format);
  return `${HISTORY_EXPORT}?${params}`;
}
