import type { HistoryTx } from './adapter.ts';

/**
 * Coverage is a union of intervals: receiving snapshots over `[from, to]` merges with every
 * stored interval that overlaps it or lies within `gapMs` of it. Unions merge in any order, so
 * two servers, or an older history imported into a newer one, give the same coverage.
 */
export async function addCoverage(tx: HistoryTx, from: number, to: number, gapMs: number) {
  const near = await tx.coverage(from - gapMs, to + gapMs);
  if (near.length === 0) return { id: await tx.putCoverage({ from, to }), from, to };
  const [first, ...rest] = near;
  const merged = {
    id: first!.id,
    from: Math.min(from, ...near.map((r) => r.from)),
    to: Math.max(to, ...near.map((r) => r.to)),
  };
  if (merged.from !== first!.from || merged.to !== first!.to) await tx.putCoverage(merged);
  if (rest.length > 0) await tx.deleteCoverage(rest.map((r) => r.id));
  return merged;
}

/**
 * The interval a transaction is extending: the stored row `id` as it is to be written (`dirty`
 * until it is), and `clearFrom`: no other stored interval ends at or after that time.
 */
export interface CoverageCache {
  id: number;
  from: number;
  to: number;
  dirty: boolean;
  clearFrom: number;
}

/**
 * `addCoverage` for a transaction that keeps its interval (`cache`) and knows the latest stored
 * observation (`latest`, at least `to`): a snapshot at or after the interval's end, whose
 * neighbourhood no other interval reaches, extends it in memory (written once, at the end) or
 * starts the next one; anything else reads the store as `addCoverage` does.
 */
export async function addCoverageCached(
  tx: HistoryTx,
  cache: CoverageCache | null,
  latest: number,
  from: number,
  to: number,
  gapMs: number,
): Promise<CoverageCache | null> {
  if (cache && from <= to && to >= cache.to && from - gapMs >= cache.clearFrom) {
    if (cache.to >= from - gapMs) {
      const merged = { from: Math.min(from, cache.from), to: Math.max(to, cache.to) };
      if (merged.from !== cache.from || merged.to !== cache.to)
        Object.assign(cache, merged, { dirty: true });
      return cache;
    }
    await flushCoverage(tx, cache);
    return {
      id: await tx.putCoverage({ from, to }),
      from,
      to,
      dirty: false,
      clearFrom: from - gapMs,
    };
  }
  await flushCoverage(tx, cache);
  const row = await addCoverage(tx, from, to, gapMs);
  // Intervals after this one would end after `latest`: none, when `latest` is within reach.
  if (latest > to + gapMs) return null;
  return { ...row, dirty: false, clearFrom: Math.min(from - gapMs, row.from) };
}

export async function flushCoverage(tx: HistoryTx, cache: CoverageCache | null) {
  if (!cache?.dirty) return;
  await tx.putCoverage({ id: cache.id, from: cache.from, to: cache.to });
  cache.dirty = false;
}
