import type { HistoryReader, PoolRow, SeriesRow } from './adapter.ts';

/** A stretch of a symbol's history spent in one pool: that pool's series serve `[lo, hi]`. */
export interface Segment {
  pool: PoolRow;
  /** The membership: observed from `from` to `to`. */
  from: number;
  to: number;
  /** Still so at the latest observation. */
  open: boolean;
  lo: number;
  hi: number;
  series: SeriesRow[];
}

/**
 * The pools that covered `symbol` over `[from, to]`, in order. The boundary between two pools
 * is where the earlier was last observed: a point of the later pool after that moment is its
 * own, even when its `updateTime` precedes the observation that first showed the new pool.
 */
export async function symbolPath(
  db: HistoryReader,
  symbol: string,
  from: number,
  to: number,
): Promise<Segment[] | null> {
  const id = await db.symbolId(symbol);
  if (id === undefined) return null;
  const poolIds = await db.poolsOfSymbol(id);
  const rows = await db.membershipsOverlapping(from, to, poolIds);
  if (rows.length === 0) return [];
  const pools = new Map(
    (await db.pools([...new Set(rows.map((r) => r.pool))])).map((p) => [p.id, p]),
  );
  const series = new Map<number, SeriesRow[]>();
  for (const s of await db.seriesOfPools([...pools.keys()])) {
    const list = series.get(s.pool) ?? [];
    list.push(s);
    series.set(s.pool, list);
  }
  return rows.map((r, i) => ({
    pool: pools.get(r.pool)!,
    from: r.from,
    to: r.to,
    open: r.open,
    lo: i === 0 ? from : Math.max(from, rows[i - 1]!.to + 1),
    hi: i === rows.length - 1 ? to : Math.min(to, r.to),
    series: series.get(r.pool) ?? [],
  }));
}

/** Every asset along the path, in order of first appearance. */
export function assetsOfPath(path: readonly Segment[]): string[] {
  return [...new Set(path.flatMap((s) => s.series.map((x) => x.asset)))];
}
