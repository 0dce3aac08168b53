import type { HistoryTx, IndexRow } from './adapter.ts';
import type { RecordContext } from './record-context.ts';
import type { Snapshot } from './record-snapshot.ts';

/**
 * The asset's stored index at or before `time`. The transaction keeps each asset's latest row:
 * an index newer than it (every recording's) needs no read.
 */
async function storedAt(
  tx: HistoryTx,
  ctx: RecordContext,
  asset: string,
  time: number,
): Promise<IndexRow | null> {
  let latest = ctx.index.get(asset);
  if (latest === undefined) {
    latest = (await tx.latestIndex([asset]))[0] ?? null;
    ctx.index.set(asset, latest);
  }
  if (latest === null || latest.t <= time) return latest;
  return tx.indexAtOrBefore(asset, time);
}

/** Stores each asset's index where its value differs from the one stored at or before its time. */
export async function recordIndex(
  tx: HistoryTx,
  ctx: RecordContext,
  snap: Snapshot,
  plain: boolean,
) {
  const assets = new Set(snap.pools.flatMap((p) => p.assets.map((a) => a.asset)));
  const rows: IndexRow[] = [];
  for (const e of snap.index ?? []) {
    if (!e.symbol.endsWith('USD')) continue;
    const asset = e.symbol.slice(0, -3);
    if (!assets.has(asset)) continue;
    const stored = plain
      ? await tx.indexAtOrBefore(asset, e.time)
      : await storedAt(tx, ctx, asset, e.time);
    if (stored?.index !== e.index) rows.push({ asset, t: e.time, index: e.index });
  }
  if (rows.length === 0) return;
  await tx.insertIndex(rows);
  // Inserted where absent: a row newer than the latest is the new latest, the first of a time wins.
  for (const r of rows) {
    const latest = ctx.index.get(r.asset);
    if (latest !== undefined && (latest === null || r.t > latest.t)) ctx.index.set(r.asset, r);
  }
}
