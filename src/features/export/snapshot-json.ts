import type { Snapshot } from '../../api/api-client';
import { exportRowJson, poolListRows } from '../../core/export-row';
import type { Pool } from '../../core/pool-schema';
import { isoUtc } from '../../lib/iso-time';
import { exportTime } from './snapshot-time';

/**
 * The snapshot as JSON: its rows as in the CSV (core/export-row, one per pool and asset, each
 * pool keyed by its sorted members and named as on screen), each time also in ISO 8601 UTC.
 * Balances stay strings, so no reader turns them into floats.
 */
export function snapshotJson({ data, demo, fetchedAt }: Snapshot<Pool[]>): string {
  const body = {
    source: demo ? 'demo' : 'exchange',
    snapshotTime: isoUtc(exportTime(data, fetchedAt)),
    rows: poolListRows(data, fetchedAt).map(exportRowJson),
  };
  return `${JSON.stringify(body, null, 2)}\n`;
}
