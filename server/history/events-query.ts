import type { EventsAnswer, HistoryEvent } from '../../src/core/history.ts';
import type { HistoryReader, MembershipRow, PoolRow } from './adapter.ts';
import { adlEvents } from './adl-events.ts';
import { regroupingEvents } from './regrouping-events.ts';

export interface EventsQuery {
  from: number;
  to: number;
  limit: number;
}

/** Observation times read from the store in one query, and again for each further this many. */
const OBSERVATIONS_PER_READ = 100_000;

/** The greatest item `< t` (`before`) or the least `> t` (`after`) of an ascending list, or `null`. */
function neighbour(sorted: readonly number[], t: number, side: 'before' | 'after'): number | null {
  let lo = 0;
  let hi = sorted.length;
  // The first index whose item is > t (after) or >= t (before).
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (side === 'after' ? sorted[mid]! <= t : sorted[mid]! < t) lo = mid + 1;
    else hi = mid;
  }
  const at = side === 'after' ? lo : lo - 1;
  return at >= 0 && at < sorted.length ? sorted[at]! : null;
}

/**
 * `GET /api/events`: drops as detected when they were stored, and the regroupings derived from
 * the memberships, newest first. A regrouping is looked at where it was observed: at each
 * observation where a pool's interval starts, or that follows one where an interval ended. The
 * observation times of the range are read at once (in reads of OBSERVATIONS_PER_READ), and each
 * interval's neighbours found among them: the number of queries does not grow with the number
 * of memberships.
 */
export async function answerEvents(
  db: HistoryReader,
  q: EventsQuery,
  signal?: AbortSignal,
): Promise<EventsAnswer> {
  const events: HistoryEvent[] = [];
  const bounds = await db.observationBounds();
  if (bounds) {
    const start = (await db.observationNeighbours(q.from)).prev ?? q.from;
    // Every observation of [start, to], and the first after `to` (an interval ending at `to`).
    const times: number[] = [];
    for (let cursor = start; ;) {
      signal?.throwIfAborted();
      const read = await db.observations(cursor, Number.MAX_SAFE_INTEGER, OBSERVATIONS_PER_READ);
      let past = false;
      for (const t of read) {
        times.push(t);
        if (t > q.to) {
          past = true;
          break;
        }
      }
      if (past || read.length < OBSERVATIONS_PER_READ) break;
      cursor = read.at(-1)! + 1;
    }
    const rows = await db.membershipsOverlapping(start, q.to);
    const changes = new Set<number>();
    for (const r of rows) {
      if (r.from >= q.from && r.from <= q.to && r.from > bounds.first) changes.add(r.from);
      if (r.to < bounds.last && r.to >= start) {
        const next = neighbour(times, r.to, 'after');
        if (next !== null && next >= q.from && next <= q.to) changes.add(next);
      }
    }
    const pools = new Map<number, PoolRow>(
      (await db.pools([...new Set(rows.map((r) => r.pool))])).map((p) => [p.id, p]),
    );
    const at = (t: number) =>
      rows.filter((r: MembershipRow) => r.from <= t && t <= r.to).map((r) => pools.get(r.pool)!);
    for (const s of [...changes].sort((a, b) => b - a)) {
      signal?.throwIfAborted();
      const prev = neighbour(times, s, 'before');
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
