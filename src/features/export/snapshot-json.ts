import type { Snapshot } from '../../api/api-client';
import { toEntry } from '../../core/adl';
import { exportRowJson, poolListRows } from '../../core/export-row';
import type { Pool } from '../../core/pool-schema';
import { isoUtc } from '../../lib/iso-time';
import type { RowExtras } from './snapshot-csv';
import { exportTime } from './snapshot-time';

/**
 * The snapshot as JSON: its rows as in the CSV (core/export-row, one per pool and asset, each
 * pool keyed by its sorted members and named as on screen), each time also in ISO 8601 UTC.
 * Balances stay strings, so no reader turns them into floats. With `ratings`, each row has the
 * ADL columns (the pool's members by rating) and the file `adlRatings`, every rating in the
 * exchange's own shape.
 */
export function snapshotJson(
  { data, demo, fetchedAt }: Snapshot<Pool[]>,
  { ratings, indexOf }: RowExtras = {},
): string {
  const body = {
    source: demo ? 'demo' : 'exchange',
    snapshotTime: isoUtc(exportTime(data, fetchedAt)),
    rows: poolListRows(data, fetchedAt, indexOf, ratings).map(exportRowJson),
    ...(ratings ? { adlRatings: [...ratings.values()].map(toEntry) } : {}),
  };
  return `${JSON.stringify(body, null, 2)}\n`;
}
