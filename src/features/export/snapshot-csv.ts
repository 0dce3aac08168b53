import type { Pool } from '../../core/pool-schema';
import { poolName } from '../../core/pools';
import { isoUtc } from './snapshot-time';

/** Spreadsheets read the byte order mark as "this file is UTF-8", so 币安人生USDT shows as written. */
export const BOM = '\uFEFF';
export const CSV_COLUMNS = ['pool', 'symbol', 'asset', 'balance', 'update_time'] as const;

/** RFC 4180: a field holding a comma, quote or line break is quoted, with quotes doubled. */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/**
 * A text cell that a spreadsheet would run as a formula (=, +, -, @ first) is prefixed with an
 * apostrophe. Exchange symbols never start so; this only defuses a hostile answer.
 */
export function textField(value: string): string {
  return csvField(/^[=+\-@\t\r]/.test(value) ? `'${value}` : value);
}

/**
 * One row per symbol and asset, CRLF line ends. Balances are the upstream's exact strings,
 * never numbers: the file holds every digit (see the export note on spreadsheets).
 */
export function snapshotCsv(pools: readonly Pool[]): string {
  const lines: string[] = [CSV_COLUMNS.join(',')];
  for (const pool of pools) {
    const name = textField(poolName(pool));
    const symbols = pool.symbols.length > 0 ? pool.symbols : [''];
    for (const symbol of symbols) {
      for (const a of pool.assets) {
        lines.push(
          [
            name,
            textField(symbol),
            textField(a.asset),
            csvField(a.marginBalance),
            isoUtc(a.updateTime),
          ].join(','),
        );
      }
    }
  }
  return `${BOM}${lines.join('\r\n')}\r\n`;
}
