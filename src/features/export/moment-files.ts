import type { MomentAnswer } from '../../core/moment';
import { indexSymbolOf } from '../../core/valuation';
import { isoUtc, fileStamp } from '../../lib/iso-time';
import type { ExportFile } from './build-export';
import { snapshotCsv } from './snapshot-csv';
import { snapshotJson } from './snapshot-json';

/**
 * A past moment's files: the same CSV and JSON as the live snapshot's (the one export row of
 * core/export-row, valued with the dollar index recorded then), holding the balances recorded
 * then, named with the moment (`insurance-fund-as-of-2026-12-01T12-00-00Z`).
 * The JSON also says which moment was asked for, which recording answered it, and the index used.
 */
export function momentFileName(at: number, extension: 'csv' | 'json', demo: boolean): string {
  return `insurance-fund-${demo ? 'demo-' : ''}as-of-${fileStamp(at)}.${extension}`;
}

export function momentExport(
  moment: MomentAnswer,
  format: 'csv' | 'json',
  demo: boolean,
): ExportFile {
  const indexOf = (asset: string) =>
    moment.index?.find((x) => x.symbol === indexSymbolOf(asset))?.index;
  if (format === 'csv')
    return {
      name: momentFileName(moment.at, 'csv', demo),
      text: snapshotCsv(moment.answer, moment.observedAt, { indexOf }),
      type: 'text/csv;charset=utf-8',
    };
  const body = JSON.parse(
    snapshotJson({ data: moment.answer, demo, fetchedAt: moment.observedAt }, { indexOf }),
  ) as Record<string, unknown>;
  const text = JSON.stringify(
    {
      asOf: isoUtc(moment.at),
      recordedAt: isoUtc(moment.observedAt),
      ...(moment.gap ? { gap: true } : {}),
      ...body,
      index: (moment.index ?? []).map((x) => ({ ...x, time: isoUtc(x.time), timeMs: x.time })),
    },
    null,
    2,
  );
  return {
    name: momentFileName(moment.at, 'json', demo),
    text: `${text}\n`,
    type: 'application/json;charset=utf-8',
  };
}
