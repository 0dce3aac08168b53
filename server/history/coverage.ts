import type { HistoryTx } from './adapter.ts';

/**
 * Coverage is a union of intervals: receiving snapshots over `[from, to]` merges with every
 * stored interval that overlaps it or lies within `gapMs` of it. Unions merge in any order, so
 * two servers, or an older history imported into a newer one, give the same coverage.
 */
export async function addCoverage(tx: HistoryTx, from: number, to: number, gapMs: number) {
  const near = await tx.coverage(from - gapMs, to + gapMs);
  if (near.length === 0) {
    await tx.putCoverage({ from, to });
    return;
  }
  const [first, ...rest] = near;
  const merged = {
    id: first!.id,
    from: Math.min(from, ...near.map((r) => r.from)),
    to: Math.max(to, ...near.map((r) => r.to)),
  };
  if (merged.from !== first!.from || merged.to !== first!.to) await tx.putCoverage(merged);
  if (rest.length > 0) await tx.deleteCoverage(rest.map((r) => r.id));
}
