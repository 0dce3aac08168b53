import { toNumber } from '../../core/decimal';
import { logRange, onLogAxis, type LogRange } from '../../lib/log-scale';
import type { Scale } from '../../lib/url-state';
import type { Piece } from './history-pieces';

/** A recorded point as drawn: its exact value, and where it sits on the chart. */
export interface DrawnPoint {
  t: number;
  /** The height drawn: the value, or the log axis' lower bound for one below it. */
  y: number;
  value: string;
  membership: number;
  /** Drawn at the log axis' lower bound, not at its value (zero, near zero or negative). */
  clamped: boolean;
}

/**
 * A row of the chart's data. `y: null` cuts the line (a gap or a regrouping follows); `held`
 * rows carry the last value up to where it is known to have lasted, and are no points.
 */
export interface ChartRow {
  t: number;
  y: number | null;
  point?: DrawnPoint;
  held?: boolean;
}

export interface ChartShape {
  rows: ChartRow[];
  points: DrawnPoint[];
  /** Unbroken lines drawn. */
  lines: number;
  log: LogRange;
}

/**
 * The pieces as one data array for a line chart with `connectNulls` off: each piece's points,
 * the row that holds its last value, then a row without a value so the next piece starts a new
 * line. On the log scale a value below the axis' lower bound is drawn at it, and says so.
 */
export function chartShape(pieces: readonly Piece[], scale: Scale): ChartShape {
  const log = logRange(pieces.flatMap((p) => p.points.map((x) => toNumber(x.value))));
  const rows: ChartRow[] = [];
  const points: DrawnPoint[] = [];
  let heldTo: number | undefined;
  for (const piece of pieces) {
    // Between the pieces, where the pointer finds no value rather than either piece's.
    if (heldTo !== undefined) rows.push({ t: (heldTo + piece.points[0]!.t) / 2, y: null });
    heldTo = piece.heldTo;
    for (const p of piece.points) {
      const n = toNumber(p.value);
      const drawn = scale === 'log' ? onLogAxis(n, log) : { drawn: n, clamped: false };
      const point = {
        t: p.t,
        y: drawn.drawn,
        value: p.value,
        membership: piece.membership,
        clamped: drawn.clamped,
      };
      points.push(point);
      rows.push({ t: p.t, y: point.y, point });
    }
    const last = points.at(-1)!;
    if (piece.heldTo > last.t) rows.push({ t: piece.heldTo, y: last.y, point: last, held: true });
  }
  return { rows, points, lines: pieces.length, log };
}
