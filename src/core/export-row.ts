import { BOM, csvField, defused, quotedField, textField } from './csv.ts';
import type { Pool } from './pool-schema.ts';
import { poolKey, poolName } from './pools.ts';
import { usdOf } from './valuation.ts';

/**
 * One row per pool and asset at one moment: the shape of every file of balances the dashboard
 * writes (the snapshot and the history on screen, as CSV and JSON, and the server's history
 * export), so a script that reads one reads them all, and a sum of `balance` by asset and moment
 * is the true total. A pool has no id at the exchange: `pool_key` is its sorted member list (core
 * `poolKey`), `symbols` its members as the exchange lists them, space-separated in one quoted
 * column. Balances are the upstream's exact strings, times ISO 8601 UTC beside their ms.
 */
export const EXPORT_COLUMNS = [
  'observed_at',
  'observed_at_ms',
  'pool_key',
  'pool',
  'symbol_count',
  'symbols',
  'asset',
  'balance',
  'update_time',
  'update_time_ms',
  'usd_index',
  'usd_value',
] as const;

export interface ExportRow {
  /** When the pool list was received; `undefined` where only the balance's own time is known. */
  observedAt: number | undefined;
  /** The members of the pool holding the balance, as the exchange lists them. */
  symbols: readonly string[];
  asset: string;
  /** The upstream's exact string. */
  balance: string;
  /** The exchange's time of the balance. */
  updateTime: number;
  /** The `<ASSET>USD` index at that moment, where one is known. */
  usdIndex: string | undefined;
}

/** ISO 8601 in UTC; a time no calendar can hold is kept as its number. */
const iso = (ms: number) => {
  const date = new Date(ms);
  return Number.isNaN(date.getTime()) ? String(ms) : date.toISOString();
};

/** The rows of a pool list seen at `observedAt`, valued by `indexOf` where it knows the asset. */
export function poolListRows(
  pools: readonly Pool[],
  observedAt: number | undefined,
  indexOf: (asset: string) => string | undefined = () => undefined,
): ExportRow[] {
  return pools.flatMap((pool) =>
    pool.assets.map((a) => ({
      observedAt,
      symbols: pool.symbols,
      asset: a.asset,
      balance: a.marginBalance,
      updateTime: a.updateTime,
      usdIndex: indexOf(a.asset),
    })),
  );
}

/** A row as a JSON object: the columns' names in camel case, nothing a number but times. */
export function exportRowJson(row: ExportRow) {
  const pool = { symbols: [...row.symbols], assets: [] };
  return {
    observedAt: row.observedAt === undefined ? null : iso(row.observedAt),
    observedAtMs: row.observedAt ?? null,
    poolKey: poolKey(pool),
    pool: poolName(pool),
    symbolCount: row.symbols.length,
    symbols: pool.symbols,
    asset: row.asset,
    balance: row.balance,
    updateTime: iso(row.updateTime),
    updateTimeMs: row.updateTime,
    usdIndex: row.usdIndex ?? null,
    usdValue:
      row.usdIndex === undefined ? null : usdOf([{ balance: row.balance, index: row.usdIndex }]),
  };
}

/** The pool's cells (key, name, count, members), worked out once per member list. */
const identities = new WeakMap<readonly string[], string>();

function identityCells(symbols: readonly string[]): string {
  let cells = identities.get(symbols);
  if (cells === undefined) {
    const pool = { symbols: [...symbols], assets: [] };
    cells = [
      textField(poolKey(pool)),
      textField(poolName(pool)),
      String(symbols.length),
      quotedField(defused(symbols.join(' '))),
    ].join(',');
    identities.set(symbols, cells);
  }
  return cells;
}

/** The CSV file's first line: the byte order mark and the header (core/csv rules). */
export const exportCsvHead = (): string => `${BOM}${EXPORT_COLUMNS.join(',')}\r\n`;

/** One row as a CSV line, CRLF included. */
export function exportCsvLine(row: ExportRow): string {
  const observed = row.observedAt === undefined ? ',' : `${iso(row.observedAt)},${row.observedAt}`;
  const usd = row.usdIndex ?? '';
  const value = row.usdIndex === undefined ? '' : usdOf([{ balance: row.balance, index: usd }]);
  return `${observed},${identityCells(row.symbols)},${textField(row.asset)},${csvField(row.balance)},${iso(row.updateTime)},${row.updateTime},${csvField(usd)},${csvField(value)}\r\n`;
}

/** The whole CSV file of the rows. */
export function exportCsv(rows: readonly ExportRow[]): string {
  let text = exportCsvHead();
  for (const row of rows) text += exportCsvLine(row);
  return text;
}
