import type { Pool } from '../../core/pool-schema';
import { poolKey, poolName } from '../../core/pools';
import { isoUtc } from './snapshot-time';

/** Spreadsheets read the byte order mark as "this file is UTF-8", so 币安人生USDT shows as written. */
export const BOM = '\uFEFF';

/** The snapshot: one row per pool and asset, so a sum of `balance` by asset is the true total. */
export const CSV_COLUMNS = [
  'pool_key',
  'pool',
  'symbol_count',
  'symbols',
  'asset',
  'balance',
  'update_time',
] as const;

/** Which pool covers each symbol: one row per symbol, and no balance, so nothing is counted twice. */
export const SYMBOL_CSV_COLUMNS = ['symbol', 'pool_key', 'pool'] as const;

/** RFC 4180: a field holding a comma, quote or line break is quoted, with quotes doubled. */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/** A field quoted whatever it holds: the members, which a reader must see as one column. */
function quotedField(value: string): string {
  return `"${value.replaceAll('"', '""')}"`;
}

/** Text a spreadsheet would run as a formula (=, +, -, @ first) gets an apostrophe in front. */
function defused(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/**
 * A text cell, defused: exchange symbols never start so; this only defuses a hostile answer.
 */
export function textField(value: string): string {
  return csvField(defused(value));
}

function lines(header: readonly string[], rows: string[][]): string {
  return `${BOM}${[header.join(','), ...rows.map((r) => r.join(','))].join('\r\n')}\r\n`;
}

/**
 * One row per pool and asset, CRLF line ends. A pool has no id at the exchange: `pool_key` is
 * its sorted member list (core `poolKey`), the same however the exchange orders them, and
 * `symbols` lists the members as the exchange does, space-separated in one quoted column.
 * Balances are the upstream's exact strings, never numbers (see the export note on spreadsheets).
 */
export function snapshotCsv(pools: readonly Pool[]): string {
  const rows: string[][] = [];
  for (const pool of pools) {
    const identity = [
      textField(poolKey(pool)),
      textField(poolName(pool)),
      String(pool.symbols.length),
      quotedField(defused(pool.symbols.join(' '))),
    ];
    for (const a of pool.assets)
      rows.push([...identity, textField(a.asset), csvField(a.marginBalance), isoUtc(a.updateTime)]);
  }
  return lines(CSV_COLUMNS, rows);
}

/** One row per symbol with the key and name of its pool: for looking a symbol up, not for sums. */
export function symbolsCsv(pools: readonly Pool[]): string {
  const rows = pools.flatMap((pool) => {
    const key = textField(poolKey(pool));
    const name = textField(poolName(pool));
    return pool.symbols.map((symbol) => [textField(symbol), key, name]);
  });
  return lines(SYMBOL_CSV_COLUMNS, rows);
}
