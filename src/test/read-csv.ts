/** Reads RFC 4180 text back into rows, as a spreadsheet or a CSV library would: tests check what a reader gets. */
export function readCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  const field = /(?:"((?:[^"]|"")*)"|([^",\r\n]*))(,|\r\n|$)/y;
  while (field.lastIndex < text.length) {
    const m = field.exec(text);
    if (!m) throw new Error(`unreadable CSV at ${field.lastIndex}`);
    row.push(m[1] !== undefined ? m[1].replaceAll('""', '"') : (m[2] ?? ''));
    if (m[3] !== ',') {
      rows.push(row);
      row = [];
    }
  }
  return rows;
}
