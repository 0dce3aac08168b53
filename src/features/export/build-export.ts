import type { Snapshot } from '../../api/insurance-balance';
import type { Pool } from '../../core/pool-schema';
import { snapshotCsv, symbolsCsv, type Ratings } from './snapshot-csv';
import { snapshotJson } from './snapshot-json';
import { exportFileName, exportTime } from './snapshot-time';

/** The snapshot as CSV (a row per pool and asset) or JSON, or which pool covers each symbol (CSV). */
export type ExportFormat = 'csv' | 'json' | 'symbols-csv';

export interface ExportFile {
  name: string;
  text: string;
  type: string;
}

/** The file for one format, named after the snapshot's time (and marked when it is demo data). */
export function buildExport(
  snapshot: Snapshot<Pool[]>,
  format: ExportFormat,
  ratings?: Ratings,
): ExportFile {
  const time = exportTime(snapshot.data, snapshot.fetchedAt);
  const csv = 'text/csv;charset=utf-8';
  switch (format) {
    case 'csv':
      return {
        name: exportFileName(time, 'csv', snapshot.demo),
        text: snapshotCsv(snapshot.data, ratings),
        type: csv,
      };
    case 'symbols-csv':
      return {
        name: exportFileName(time, 'csv', snapshot.demo, 'symbols'),
        text: symbolsCsv(snapshot.data),
        type: csv,
      };
    case 'json':
      return {
        name: exportFileName(time, 'json', snapshot.demo),
        text: snapshotJson(snapshot, ratings),
        type: 'application/json;charset=utf-8',
      };
  }
}
