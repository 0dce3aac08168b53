import type { HistoryEvent } from '../../src/core/history.ts';
import type { HistoryReader } from './adapter.ts';
import type { EventsQuery } from './events-query.ts';

/**
 * The rating changes within the range as `adl` events, newest first, at most `limit`: each a
 * change from an earlier stored rating of its symbol (a symbol's first rating is where the
 * recording began, not a change), named with the pool covering the symbol at the latest recording.
 */
export async function adlEvents(db: HistoryReader, q: EventsQuery): Promise<HistoryEvent[]> {
  const changes = await db.adlChanges(q.from, q.to, { limit: q.limit });
  if (changes.length === 0) return [];
  const previous = new Map<string, string>();
  for (const c of changes)
    if (!previous.has(c.symbol)) {
      const [before] = await db.adlChanges(0, c.updateTime - 1, { symbol: c.symbol, limit: 1 });
      previous.set(c.symbol, before?.level ?? '');
    }
  const last = (await db.observationBounds())?.last;
  const rows = last === undefined ? [] : await db.membershipsAt(last);
  const poolOf = new Map<string, string[]>();
  for (const p of await db.pools([...new Set(rows.map((r) => r.pool))]))
    for (const s of p.symbols) poolOf.set(s, p.symbols);
  const events: HistoryEvent[] = [];
  for (const c of changes) {
    const from = previous.get(c.symbol)!;
    previous.set(c.symbol, c.level);
    if (from === '') continue;
    events.push({
      kind: 'adl',
      at: c.updateTime,
      symbols: [c.symbol],
      pool: poolOf.get(c.symbol) ?? [],
      level: c.level,
      fromLevel: from as HistoryEvent['level'] & string,
    });
  }
  return events.reverse();
}
