import { toRating } from '../../src/core/adl.ts';
import {
  exportCsvHead,
  exportCsvLine,
  poolListRows,
  ratingsOverTime,
} from '../../src/core/export-row.ts';
import type { HistoryLine } from '../../src/core/history.ts';
import { indexSymbolOf } from '../../src/core/valuation.ts';

/** The files the recorded history is exported as, by the server's route and the CLI alike. */
export const EXPORT_FORMATS = ['jsonl', 'csv', 'json'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export function isExportFormat(value: string): value is ExportFormat {
  return (EXPORT_FORMATS as readonly string[]).includes(value);
}

/**
 * One format as a stream: `head` once, `snapshot` for each recorded snapshot in order, `tail`
 * once, each a piece of text written as it comes, so no format holds the range in memory.
 */
export interface ExportWriter {
  contentType: string;
  extension: string;
  head(): string;
  snapshot(line: HistoryLine): string;
  tail(): string;
}

/** The range asked for, in ms; the JSON file names an open end (`0`, `MAX_SAFE_INTEGER`) `null`. */
export interface ExportRange {
  from: number;
  to: number;
}

/**
 * One row per snapshot, pool and asset (src/core/export-row, the dashboard's one file schema):
 * `observed_at` is when the server received the snapshot, `usd_index` the `<ASSET>USD` index
 * recorded with it and `usd_value` the balance times it, to the cent, both empty where none was.
 * The ADL columns count the pool's members as rated at `observed_at`: each symbol's latest
 * rating at or before it, carried forward from the `adl` lists of the lines so far; a symbol not
 * rated yet is unrated. They are always written, last: the head goes out before the store is
 * read, so one header serves every file, and a reader by column name or by the first twelve
 * positions reads the file as before.
 */
function csvRows(): (line: HistoryLine) => string {
  const ratings = ratingsOverTime();
  return (line) => {
    const index = new Map((line.index ?? []).map((x) => [x.symbol, x.index]));
    if (line.adl) ratings.add(line.adl.map(toRating));
    let out = '';
    for (const row of poolListRows(
      line.answer,
      line.observedAt,
      (asset) => index.get(indexSymbolOf(asset)),
      ratings.at(line.observedAt),
    ))
      out += exportCsvLine(row, true);
    return out;
  };
}

const open = (ms: number, end: number) => (ms === end ? null : ms);

/**
 * `jsonl`: one snapshot a line, as `npm run history -- import` reads it back. `csv`: UTF-8 with a
 * BOM, RFC 4180 quoting and CRLF (the dashboard's CSV rules, core/csv). `json`: one document,
 * `{"from","to","snapshots":[…]}`, each snapshot the very object a JSON line holds.
 */
export function exportWriter(format: ExportFormat, range: ExportRange): ExportWriter {
  if (format === 'csv')
    return {
      contentType: 'text/csv; charset=utf-8',
      extension: 'csv',
      head: () => exportCsvHead(true),
      snapshot: csvRows(),
      tail: () => '',
    };
  if (format === 'json') {
    let first = true;
    return {
      contentType: 'application/json; charset=utf-8',
      extension: 'json',
      head: () =>
        `{"from":${JSON.stringify(open(range.from, 0))},"to":${JSON.stringify(open(range.to, Number.MAX_SAFE_INTEGER))},"snapshots":[`,
      snapshot: (line) => {
        const text = `${first ? '' : ','}\n${JSON.stringify(line)}`;
        first = false;
        return text;
      },
      tail: () => `${first ? '' : '\n'}]}\n`,
    };
  }
  return {
    contentType: 'application/x-ndjson; charset=utf-8',
    extension: 'jsonl',
    head: () => '',
    snapshot: (line) => `${JSON.stringify(line)}\n`,
    tail: () => '',
  };
}
