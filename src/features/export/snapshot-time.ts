import type { Pool } from '../../core/pool-schema';
import { snapshotTime } from '../../core/pools';
import { fileStamp } from '../../lib/iso-time';

export { isoUtc } from '../../lib/iso-time';

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
  return `insurance-fund-${demo ? 'demo-' : ''}${part ? `${part}-` : ''}${fileStamp(time)}.${extension}`;
}
