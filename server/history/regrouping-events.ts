import type { HistoryEvent } from '../../src/core/history.ts';
import type { PoolRow } from './adapter.ts';

/**
 * What changed between the pools of one observation (`before`) and the next (`after`), seen at
 * `at`. A pool is its member set, so a pool that gains or loses a member ends and another
 * begins; started and ended pools are paired, largest overlap first, and a started pool
 * *continues* the ended pool it is paired with. Then:
 * - a started pool that continues none `appeared`; an ended pool that none continues is `gone`;
 * - a member that came from a pool other than the one its new pool continues `moved`;
 * - a member that was in no pool before was `listed`; one that is in no pool after, `delisted`.
 */
export function regroupingEvents(
  at: number,
  before: readonly PoolRow[],
  after: readonly PoolRow[],
): HistoryEvent[] {
  const beforeKeys = new Set(before.map((p) => p.key));
  const afterKeys = new Set(after.map((p) => p.key));
  const started = after.filter((p) => !beforeKeys.has(p.key));
  const ended = before.filter((p) => !afterKeys.has(p.key));
  if (started.length === 0 && ended.length === 0) return [];
  const poolBefore = new Map<string, PoolRow>();
  for (const p of before) for (const s of p.symbols) poolBefore.set(s, p);
  const poolAfter = new Map<string, PoolRow>();
  for (const p of after) for (const s of p.symbols) poolAfter.set(s, p);

  const overlap = (a: PoolRow, b: PoolRow) => a.symbols.filter((s) => b.symbols.includes(s)).length;
  // Greedy matching, largest overlap first (then the larger share of both pools, then by key).
  const pairs = started.flatMap((p) =>
    ended.map((q) => {
      const n = overlap(p, q);
      return { p, q, n, share: n / Math.max(p.symbols.length, q.symbols.length) };
    }),
  );
  pairs.sort(
    (x, y) => y.n - x.n || y.share - x.share || (x.p.key + x.q.key < y.p.key + y.q.key ? -1 : 1),
  );
  const continues = new Map<string, PoolRow>();
  const taken = new Set<string>();
  for (const { p, q, n } of pairs) {
    if (n === 0 || continues.has(p.key) || taken.has(q.key)) continue;
    continues.set(p.key, q);
    taken.add(q.key);
  }
  const continued = new Set([...continues.values()].map((q) => q.key));

  const events: HistoryEvent[] = [];
  for (const p of started) {
    const pred = continues.get(p.key);
    if (!pred) events.push({ kind: 'appeared', at, symbols: p.symbols, pool: p.symbols });
    const moved = new Map<string, { from: PoolRow; symbols: string[] }>();
    const listed: string[] = [];
    for (const s of p.symbols) {
      const was = poolBefore.get(s);
      if (!was) listed.push(s);
      else if (was.key !== pred?.key) {
        const m = moved.get(was.key) ?? { from: was, symbols: [] };
        m.symbols.push(s);
        moved.set(was.key, m);
      }
    }
    for (const m of moved.values())
      events.push({
        kind: 'moved',
        at,
        symbols: m.symbols,
        pool: p.symbols,
        fromPool: m.from.symbols,
      });
    if (listed.length > 0) events.push({ kind: 'listed', at, symbols: listed, pool: p.symbols });
  }
  for (const q of ended) {
    if (!continued.has(q.key))
      events.push({ kind: 'gone', at, symbols: q.symbols, pool: q.symbols });
    const delisted = q.symbols.filter((s) => !poolAfter.has(s));
    if (delisted.length > 0)
      events.push({ kind: 'delisted', at, symbols: delisted, pool: q.symbols });
  }
  return events;
}
