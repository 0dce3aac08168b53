import type { EventsAnswer, HistoryEvent } from '../../src/core/history.ts';
import type { HistoryReader, MembershipRow, PoolRow } from './adapter.ts';
import { adlEvents } from './adl-events.ts';
import { regroupingEvents } from './regrouping-events.ts';

export interface EventsQuery {
  from: number;
  to: number;
  limit: number;
}

/**
 * `GET /api/events`: drops as detected when they were stored, and the regroupings derived from
 * the memberships, newest first. A regrouping is looked at where it was observed: at each
 * observation where a pool's interval starts, or that follows one where an interval ended.
 */
export async function answerEvents(db: HistoryReader, q: EventsQuery): Promise<EventsAnswer> {
  const events: HistoryEvent[] = [];
  const bounds = await db.observationBounds();
  if (bounds) {
    const start = (await db.observationNeighbours(q.from)).prev ?? q.from;
    const rows = await db.membershipsOverlapping(start, q.to);
    const times = new Set<number>();
    for (const r of rows) {
      if (r.from >= q.from && r.from <= q.to && r.from > bounds.first) times.add(r.from);
      if (r.to < bounds.last && r.to >= start) {
        const next = (await db.observationNeighbours(r.to)).next;
        if (next !== null && next >= q.from && next <= q.to) times.add(next);
      }
    }
    const pools = new Map<number, PoolRow>(
      (await db.pools([...new Set(rows.map((r) => r.pool))])).map((p) => [p.id, p]),
    );
    const at = (t: number) =>
      rows.filter((r: MembershipRow) => r.from <= t && t <= r.to).map((r) => pools.get(r.pool)!);
    for (const s of [...times].sort((a, b) => b - a)) {
      const prev = (await db.observationNeighbours(s)).prev;
      if (prev === null) continue;
      events.push(...regroupingEvents(s, at(prev), at(s)));
      if (events.length >= q.limit) break;
    }
  }
  const drops = await db.drops(q.from, q.to, q.limit);
  const series = new Map(
    (await db.seriesByIds([...new Set(drops.map((d) => d.series))])).map((x) => [x.id, x]),
  );
  const dropPools = new Map(
    (await db.pools([...new Set([...series.values()].map((x) => x.pool))])).map((p) => [p.id, p]),
  );
  for (const d of drops) {
    const s = series.get(d.series);
    const members = s ? (dropPools.get(s.pool)?.symbols ?? []) : [];
    events.push({
      kind: 'drop',
      at: d.t,
      symbols: members,
      pool: members,
      asset: s?.asset ?? '',
      before: d.before,
      after: d.after,
    });
  }
  events.push(...(await adlEvents(db, q)));
  events.sort((a, b) => b.at - a.at);
  return { from: q.from, to: q.to, events: events.slice(0, q.limit) };
}
