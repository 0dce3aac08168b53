/** Medians, targets and the printed table. */

export function median(values: number[]): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Nearest-rank percentile. */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

export type Status = 'met' | 'missed' | 'n/a';

export interface Row {
  measure: string;
  result: string;
  target: string;
  status: Status;
  note?: string;
}

export const ms = (v: number) => (Number.isFinite(v) ? `${v.toFixed(v < 10 ? 1 : 0)} ms` : '—');
export const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;
export const mb = (bytes: number) => `${(bytes / 1e6).toFixed(2)} MB`;

export function judge(met: boolean | undefined): Status {
  if (met === undefined) return 'n/a';
  return met ? 'met' : 'missed';
}

export function printTable(rows: Row[]): string {
  const header = { measure: 'measure', result: 'result', target: 'target', status: 'status' };
  const all = [header, ...rows];
  const width = (k: keyof typeof header) => Math.max(...all.map((r) => r[k].length));
  const w = {
    measure: width('measure'),
    result: width('result'),
    target: width('target'),
    status: width('status'),
  };
  const line = (r: typeof header) =>
    `| ${r.measure.padEnd(w.measure)} | ${r.result.padEnd(w.result)} | ${r.target.padEnd(w.target)} | ${r.status.padEnd(w.status)} |`;
  const rule = `|${'-'.repeat(w.measure + 2)}|${'-'.repeat(w.result + 2)}|${'-'.repeat(w.target + 2)}|${'-'.repeat(w.status + 2)}|`;
  const notes = rows.filter((r) => r.note).map((r) => `  * ${r.measure}: ${r.note}`);
  return [line(header), rule, ...rows.map(line), ...(notes.length ? ['', ...notes] : [])].join(
    '\n',
  );
}

/** Least-squares slope of y over x. */
export function slope(points: { x: number; y: number }[]): number {
  const n = points.length;
  if (n < 2) return NaN;
  const mx = points.reduce((s, p) => s + p.x, 0) / n;
  const my = points.reduce((s, p) => s + p.y, 0) / n;
  const num = points.reduce((s, p) => s + (p.x - mx) * (p.y - my), 0);
  const den = points.reduce((s, p) => s + (p.x - mx) ** 2, 0);
  return den === 0 ? NaN : num / den;
}
