import type {
  CoverageRow,
  HistoryTx,
  Level,
  LevelRow,
  MembershipRow,
  SeriesRow,
  SeriesState,
} from '../adapter.ts';
import { bucketOf } from '../levels.ts';
import { OPEN_END } from './migrations.ts';
import type { Query } from './postgres-reads.ts';

/**
 * The rows a transaction overwrites again and again (each series' state, level rows, the
 * memberships and coverage intervals it extends) are kept in memory until the transaction
 * commits, or until `limit` of them are waiting, and then written once each, in one statement per
 * table. PostgreSQL keeps every version of a row its own open transaction wrote, so an import of
 * thousands of snapshots in one transaction would otherwise make each later update of the same
 * row slower than the one before. Reads through the transaction see the waiting rows as if they
 * were written: the rows from the database are corrected by them.
 */
export const WRITE_BACK_LIMIT = 20_000;

const inInterval = (r: { from: number; to: number }, from: number, to: number) =>
  r.to >= from && r.from <= to;
const byFrom = <T extends { from: number; id: number }>(a: T, b: T) =>
  a.from - b.from || a.id - b.id;

export function writeBack(
  q: Query,
  raw: HistoryTx,
  limit = WRITE_BACK_LIMIT,
): HistoryTx & { flush(): Promise<void> } {
  const state = new Map<number, SeriesState>();
  const levels: Record<Level, Map<number, Map<number, LevelRow>>> = {
    hour: new Map(),
    day: new Map(),
  };
  let levelCount = 0;
  const intervals = {
    // Memberships as stored: `to` is OPEN_END for an open one.
    membership: {
      rows: new Map<number, Omit<MembershipRow, 'open'>>(),
      deleted: new Set<number>(),
    },
    coverage: { rows: new Map<number, CoverageRow>(), deleted: new Set<number>() },
  };
  const waiting = () =>
    state.size + levelCount + intervals.membership.rows.size + intervals.coverage.rows.size;

  async function flush() {
    await raw.putSeriesState([...state.values()]);
    state.clear();
    for (const level of ['hour', 'day'] as const) {
      await raw.putLevels(
        level,
        [...levels[level].values()].flatMap((m) => [...m.values()]),
      );
      levels[level].clear();
    }
    levelCount = 0;
    for (const table of ['membership', 'coverage'] as const) {
      const { rows, deleted } = intervals[table];
      if (rows.size > 0)
        await q(
          `UPDATE ${table} SET t0 = u.t0, t1 = u.t1 FROM unnest($1::integer[], $2::bigint[], $3::bigint[]) AS u (id, t0, t1) WHERE ${table}.id = u.id`,
          [
            [...rows.keys()],
            [...rows.values()].map((r) => r.from),
            [...rows.values()].map((r) => r.to),
          ],
        );
      if (deleted.size > 0)
        await q(`DELETE FROM ${table} WHERE id = ANY($1::integer[])`, [[...deleted]]);
      rows.clear();
      deleted.clear();
    }
  }
  const maybeFlush = () => (waiting() >= limit ? flush() : undefined);

  const withState = (rows: SeriesRow[]) =>
    rows.map((r) => {
      const s = state.get(r.id);
      return s ? { ...r, ...s } : r;
    });
  /** Deletes intervals of `table` at the next flush, and forgets their waiting versions. */
  const forget = (table: keyof typeof intervals) => async (ids: readonly number[]) => {
    for (const id of ids) {
      intervals[table].rows.delete(id);
      intervals[table].deleted.add(id);
    }
  };
  /** Rows from the database with the waiting versions in their place, filtered by the same rule. */
  async function corrected<T extends { id: number; from: number; to: number }>(
    stored: T[],
    table: keyof typeof intervals,
    keep: (r: { from: number; to: number; pool?: number }) => boolean,
  ): Promise<T[]> {
    const { rows, deleted } = intervals[table];
    const out = stored.filter((r) => !rows.has(r.id) && !deleted.has(r.id));
    const waitingRows = [...rows.values()];
    // An open membership reaches the latest observation, as the adapter reads it.
    const open = waitingRows.some((r) => r.to === OPEN_END);
    const latest = open ? ((await raw.observationBounds())?.last ?? 0) : 0;
    for (const r of waitingRows) {
      const row =
        table === 'membership'
          ? { ...r, to: r.to === OPEN_END ? latest : r.to, open: r.to === OPEN_END }
          : r;
      if (keep(row)) out.push(row as unknown as T);
    }
    return out.sort(byFrom);
  }

  return {
    ...raw,
    flush,
    async seriesOfPools(pools) {
      return withState(await raw.seriesOfPools(pools));
    },
    async seriesByIds(ids) {
      return withState(await raw.seriesByIds(ids));
    },
    async seriesBehind(limit) {
      if (state.size === 0) return raw.seriesBehind(limit);
      // The stored rows, less those whose state waits here (which are judged on that state).
      const stored = (await raw.seriesBehind(limit + state.size)).filter((r) => !state.has(r.id));
      const mine = withState(await raw.seriesByIds([...state.keys()])).filter(
        (r) => r.last && r.levelsTo !== null && r.levelsTo < bucketOf('hour', r.last.t),
      );
      return [...stored, ...mine]
        .sort((a, b) => a.levelsTo! - b.levelsTo! || a.id - b.id)
        .slice(0, limit);
    },
    async levelRows(level, keys) {
      const hits: LevelRow[] = [];
      const misses = keys.filter((k) => {
        const r = levels[level].get(k.series)?.get(k.bucket);
        if (r) hits.push(r);
        return !r;
      });
      return [...hits, ...(misses.length > 0 ? await raw.levelRows(level, misses) : [])];
    },
    async levels(level, series, from, to) {
      const mine = levels[level].get(series);
      const stored = await raw.levels(level, series, from, to);
      if (!mine) return stored;
      const out = new Map(stored.map((r) => [r.bucket, r]));
      for (const [bucket, r] of mine) if (bucket >= from && bucket <= to) out.set(bucket, r);
      return [...out.values()].sort((a, b) => a.bucket - b.bucket);
    },
    async membershipsAt(t) {
      return corrected(await raw.membershipsAt(t), 'membership', (r) => inInterval(r, t, t));
    },
    async membershipsOverlapping(from, to, pools) {
      const only = pools ? new Set(pools) : null;
      return corrected(
        await raw.membershipsOverlapping(from, to, pools),
        'membership',
        (r) => inInterval(r, from, to) && (!only || only.has(r.pool!)),
      );
    },
    async coverage(from, to) {
      return corrected(await raw.coverage(from, to), 'coverage', (r) => inInterval(r, from, to));
    },
    async putSeriesState(rows) {
      for (const r of rows) state.set(r.id, r);
      await maybeFlush();
    },
    async putLevels(level, rows) {
      for (const r of rows) {
        let m = levels[level].get(r.series);
        if (!m) levels[level].set(r.series, (m = new Map()));
        if (!m.has(r.bucket)) levelCount += 1;
        m.set(r.bucket, r);
      }
      await maybeFlush();
    },
    async putMembership(row) {
      if (row.id === undefined) return raw.putMembership(row);
      const to = row.to === 'open' ? OPEN_END : row.to;
      intervals.membership.rows.set(row.id, { id: row.id, pool: row.pool, from: row.from, to });
      await maybeFlush();
      return row.id;
    },
    deleteMemberships: forget('membership'),
    async putCoverage(row) {
      if (row.id === undefined) return raw.putCoverage(row);
      intervals.coverage.rows.set(row.id, { id: row.id, from: row.from, to: row.to });
      await maybeFlush();
      return row.id;
    },
    deleteCoverage: forget('coverage'),
  };
}
