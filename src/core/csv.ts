/**
 * The CSV rules every download of the dashboard follows: UTF-8 with a byte order mark, RFC 4180
 * quoting, CRLF line ends, and text a spreadsheet would run as a formula defused.
 */

/** Spreadsheets read the byte order mark as "this file is UTF-8", so 币安人生USDT shows as written. */
export const BOM = '\uFEFF';

/** RFC 4180: a field holding a comma, quote or line break is quoted, with quotes doubled. */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/** A field quoted whatever it holds: a member list, which a reader must see as one column. */
export function quotedField(value: string): string {
  return `"${value.replaceAll('"', '""')}"`;
}

/** Text a spreadsheet would run as a formula (=, +, -, @ first) gets an apostrophe in front. */
export function defused(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/**
 * A text cell, defused: exchange symbols never start so; this only defuses a hostile answer.
 * Figures (balances, which may be negative) go through `csvField` alone.
 */
export function textField(value: string): string {
  return csvField(defused(value));
}

/** The whole file: BOM, header, rows of fields already encoded, CRLF after every line. */
export function csvText(header: readonly string[], rows: readonly string[][]): string {
  return `${BOM}${[header.join(','), ...rows.map((r) => r.join(','))].join('\r\n')}\r\n`;
}
