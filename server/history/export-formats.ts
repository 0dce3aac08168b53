import { indexSymbolOf } from '../../src/core/asset-index.ts';
import { BOM, csvField, quotedField, defused, textField } from '../../src/core/csv.ts';
import { multiplyDecimals, roundToCents } from '../../src/core/decimal.ts';
import type { HistoryLine } from '../../src/core/history.ts';
import { poolKey, poolName } from '../../src/core/pools.ts';

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

/** One row per snapshot, pool and asset: the columns of the CSV file, in order. */
export const HISTORY_EXPORT_CSV_COLUMNS = [
  'observed_at',
  'observed_at_ms',
  'pool_key',
  'pool',
  'symbols',
  'asset',
  'balance',
  'update_time',
  'update_time_ms',
  'usd_index',
  'usd_value',
] as const;

const iso = (ms: number) => new Date(ms).toISOString();

/**
 * `observed_at` is when the server received the snapshot, `update_time` the exchange's time of
 * the balance; `symbols` the members as the exchange lists them, space-separated in one quoted
 * column; `balance` the upstream's exact string; `usd_index` the `<ASSET>USD` index recorded with
 * the snapshot and `usd_value` the balance times it, to the cent, both empty where none was.
 */
function csvRows(line: HistoryLine): string {
  const index = new Map((line.index ?? []).map((x) => [x.symbol, x.index]));
  const observed = `${iso(line.observedAt)},${line.observedAt}`;
  let out = '';
  for (const pool of line.answer) {
    const identity = [
      textField(poolKey(pool)),
      textField(poolName(pool)),
      quotedField(defused(pool.symbols.join(' '))),
    ].join(',');
    for (const a of pool.assets) {
      const usd = index.get(indexSymbolOf(a.asset));
      const value = usd === undefined ? '' : roundToCents(multiplyDecimals(a.marginBalance, usd));
      out += `${observed},${identity},${textField(a.asset)},${csvField(a.marginBalance)},${iso(a.updateTime)},${a.updateTime},${csvField(usd ?? '')},${csvField(value)}\r\n`;
    }
  }
  return out;
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
      head: () => `${BOM}${HISTORY_EXPORT_CSV_COLUMNS.join(',')}\r\n`,
      snapshot: csvRows,
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
