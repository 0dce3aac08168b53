import type { AdlRating } from '../../src/core/adl.ts';
import type { HistoryTx } from './adapter.ts';

/**
 * Stores the ratings that are changes, in the caller's write transaction: a rating is stored when
 * the symbol's rating before it (the stored one, or an earlier one of `ratings`) had another level,
 * or when the symbol has none yet; one older than the symbol's latest also when the rating after
 * it has another level. Compare and insert happen in one transaction, which the store
 * holds alone (SQLite's one writer, PostgreSQL's advisory lock), and `(symbol, updateTime)` is a
 * key besides: however many servers record the same answer, each change is stored once.
 * Returns the changes stored, ascending by `updateTime`.
 */
export async function recordAdl(tx: HistoryTx, ratings: Iterable<AdlRating>): Promise<AdlRating[]> {
  const latest = new Map((await tx.latestAdl()).map((r) => [r.symbol, r]));
  const sorted = [...ratings].sort((a, b) => a.updateTime - b.updateTime);
  const stored: AdlRating[] = [];
  let pending: AdlRating[] = [];
  const flush = async () => {
    const added = await tx.insertAdl(pending);
    stored.push(...pending.filter((_, i) => added[i]));
    pending = [];
  };
  for (const r of sorted) {
    const last = latest.get(r.symbol);
    if (!last || r.updateTime > last.updateTime) {
      // The usual case: newer than anything stored for the symbol.
      if (last?.level === r.level) continue;
      pending.push(r);
      latest.set(r.symbol, r);
      continue;
    }
    if (r.updateTime === last.updateTime) continue;
    // Older than the symbol's latest (an import of an earlier file, or another server's reading
    // of the same update stamped a moment later): judged against the ratings stored on either
    // side of it, with what waits written first. Where the next one has its level, that is this
    // very change, already stored.
    if (pending.length > 0) await flush();
    const [before] = await tx.adlChanges(0, r.updateTime, { symbol: r.symbol, limit: 1 });
    if (before?.level === r.level) continue;
    const [after] = await tx.adlChanges(r.updateTime + 1, last.updateTime, { symbol: r.symbol });
    if (after?.level === r.level) continue;
    pending.push(r);
    await flush();
  }
  if (pending.length > 0) await flush();
  return stored.sort((a, b) => a.updateTime - b.updateTime);
}
