import type { Pool } from '../../core/pool-schema';
import { snapshotTime } from '../../core/pools';

/** ISO 8601 in UTC, `2026-11-21T04:30:00.000Z`; a time no calendar can hold is kept as its number. */
export function isoUtc(ms: number): string {
  const date = new Date(ms);
  return Number.isNaN(date.getTime()) ? String(ms) : date.toISOString();
}

/** The snapshot's time: the newest balance update, or when it was fetched if it holds none. */
export function exportTime(pools: readonly Pool[], fetchedAt: number): number {
  return snapshotTime(pools) || fetchedAt;
}

/**
 * `insurance-fund-2026-11-21T04-30-00Z.csv`: sortable, and safe on every file system; a file that
 * holds only part of the snapshot says which (`insurance-fund-symbols-…csv`).
 */
export function exportFileName(
  time: number,
  extension: 'csv' | 'json',
  demo: boolean,
  part?: 'symbols',
): string {
  const stamp = isoUtc(time)
    .replace(/\.\d+Z$/, 'Z')
    .replaceAll(':', '-');
  return `insurance-fund-${demo ? 'demo-' : ''}${part ? `${part}-` : ''}${stamp}.${extension}`;
}
