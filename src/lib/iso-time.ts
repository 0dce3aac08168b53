/** ISO 8601 in UTC, `2026-11-21T04:30:00.000Z`; a time no calendar can hold is kept as its number. */
export function isoUtc(ms: number): string {
  const date = new Date(ms);
  return Number.isNaN(date.getTime()) ? String(ms) : date.toISOString();
}

/** `2026-11-21T04-30-00Z`: the time to the second, sortable, safe in a file name on every system. */
export function fileStamp(ms: number): string {
  return isoUtc(ms)
    .replace(/\.\d+Z$/, 'Z')
    .replaceAll(':', '-');
}
