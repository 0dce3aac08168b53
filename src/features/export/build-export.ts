import type { Snapshot } from '../../api/insurance-balance';
import type { Pool } from '../../core/pool-schema';
import { snapshotCsv } from './snapshot-csv';
import { snapshotJson } from './snapshot-json';
import { exportFileName, exportTime } from './snapshot-time';

export type ExportFormat = 'csv' | 'json';

export interface ExportFile {
  name: string;
  text: string;
  type: string;
}

/** The file for one format, named after the snapshot's time (and marked when it is demo data). */
export function buildExport(snapshot: Snapshot<Pool[]>, format: ExportFormat): ExportFile {
  const name = exportFileName(exportTime(snapshot.data, snapshot.fetchedAt), format, snapshot.demo);
  return format === 'csv'
    ? { name, text: snapshotCsv(snapshot.data), type: 'text/csv;charset=utf-8' }
    : { name, text: snapshotJson(snapshot), type: 'application/json;charset=utf-8' };
}
