import type {
  CoverageRow,
  DropRow,
  HistoryReader,
  IndexRow,
  Level,
  LevelRow,
  MembershipRow,
  PointRow,
  PoolRow,
  SeriesRow,
} from '../adapter.ts';
import { LEVEL_MS } from '../adapter.ts';
import type { AdlLevel, AdlRating } from '../../../src/core/adl.ts';
import { decodeBalance } from './balance-codec.ts';
import { OPEN_END } from './migrations.ts';
import { idList, type Statements } from './statements.ts';

/** The reads of the SQLite adapter. Balances come back through `CAST(b AS TEXT)` and their scale. */

type Row = unknown[];
const num = (v: unknown) => v as number;
const dec = (b: unknown, s: unknown) => decodeBalance(b as string, s as number | null);
const IDS = 'SELECT value FROM json_each(?)';
const POINT = 'SELECT series, t, CAST(b AS TEXT), s FROM point';
const toPoint = (r: Row): PointRow => ({
  series: num(r[0]),
  t: num(r[1]),
  balance: dec(r[2], r[3]),
});
const LEVEL_COLUMNS =
  'series, bucket, n, lt, CAST(lb AS TEXT), ls, nt, CAST(nb AS TEXT), ns, xt, CAST(xb AS TEXT), xs';
const toAdl = (r: Row): AdlRating => ({
  symbol: r[0] as string,
  level: r[2] as AdlLevel,
  updateTime: num(r[1]),
});
const table = (level: Level) => (level === 'hour' ? 'hour_level' : 'day_level');

export function toLevel(level: Level, r: Row): LevelRow {
  return {
    series: num(r[0]),
    bucket: num(r[1]) * LEVEL_MS[level],
    n: num(r[2]),
    last: { t: num(r[3]), balance: dec(r[4], r[5]) },
    min: { t: num(r[6]), balance: dec(r[7], r[8]) },
    max: { t: num(r[9]), balance: dec(r[10], r[11]) },
  };
}

export function sqliteReads(q: Statements): HistoryReader {
  const all = (sql: string, ...args: unknown[]) => q.get(sql, true).all(...args) as Row[];
  const one = (sql: string, ...args: unknown[]) => q.get(sql, true).get(...args) as Row | undefined;
  const latest = () => (one('SELECT max(t) FROM observation')?.[0] ?? 0) as number;
  /** Rows as stored, an open one reaching the latest observation; those ending before `from` left out. */
  const memberships = (rows: Row[], from: number): MembershipRow[] => {
    const end = rows.some((r) => r[3] === OPEN_END) ? latest() : 0;
    const out = rows.map((r) => ({
      id: num(r[0]),
      pool: num(r[1]),
      from: num(r[2]),
      to: r[3] === OPEN_END ? end : num(r[3]),
      open: r[3] === OPEN_END,
    }));
    return out.filter((r) => r.to >= from);
  };

  const index = (r: Row): IndexRow => ({
    asset: r[0] as string,
    t: num(r[1]),
    index: dec(r[2], r[3]),
  });
  const INDEX =
    'SELECT a.name, i.t, CAST(i.b AS TEXT), i.s FROM index_point i JOIN asset a ON a.id = i.asset WHERE a.name = ?';

  // The latest point comes from the points themselves: a seek to the end of the series' key range.
  const SERIES = `SELECT s.id, s.pool, a.name, p.t, CAST(p.b AS TEXT), p.s, s.in_drop, s.levels_to, s.hb, CAST(s.hxb AS TEXT), s.hxs, CAST(s.pxb AS TEXT), s.pxs, s.et, CAST(s.eb AS TEXT), s.es
    FROM series s JOIN asset a ON a.id = s.asset
    LEFT JOIN point p ON p.series = s.id AND p.t = (SELECT max(t) FROM point WHERE series = s.id)`;
  function seriesWhere(column: string, ids: readonly number[]): SeriesRow[] {
    return seriesRows(all(`${SERIES} WHERE ${column} IN (${IDS}) ORDER BY s.id`, idList(ids)));
  }
  function seriesRows(rows: Row[]): SeriesRow[] {
    return rows.map((r) => {
      const id = num(r[0]);
      return {
        id,
        pool: num(r[1]),
        asset: r[2] as string,
        last: r[3] === null ? null : { t: num(r[3]), balance: dec(r[4], r[5]) },
        inDrop: r[6] === 1,
        levelsTo: r[7] as number | null,
        hourMax:
          r[8] === null
            ? null
            : {
                bucket: num(r[8]),
                max: dec(r[9], r[10]),
                prevMax: r[11] === null ? null : dec(r[11], r[12]),
              },
        episodeHigh: r[13] === null ? null : { t: num(r[13]), balance: dec(r[14], r[15]) },
      };
    });
  }

  const MEMBERSHIP = 'SELECT id, pool, t0, t1 FROM membership';
  /** The memberships of `pools` (all by default) over `from`..`to`, in time order. */
  const overlapping = (from: number, to: number, pools?: readonly number[]) =>
    memberships(
      pools
        ? all(
            `${MEMBERSHIP} WHERE pool IN (${IDS}) AND t0 <= ? AND t1 >= ? ORDER BY t0, id`,
            idList(pools),
            to,
            from,
          )
        : all(`${MEMBERSHIP} WHERE t1 >= ? AND t0 <= ? ORDER BY t0, id`, from, to),
      from,
    );

  return {
    async symbolId(name) {
      return one('SELECT id FROM symbol WHERE name = ?', name)?.[0] as number | undefined;
    },
    async poolsOfSymbol(symbol) {
      return all('SELECT pool FROM pool_member WHERE symbol = ?', symbol).map((r) => num(r[0]));
    },
    async pools(ids): Promise<PoolRow[]> {
      const rows = all(
        `SELECT p.id, p.key, s.name FROM pool p JOIN pool_member m ON m.pool = p.id JOIN symbol s ON s.id = m.symbol WHERE p.id IN (${IDS})`,
        idList(ids),
      );
      const byId = new Map<number, PoolRow>();
      for (const r of rows) {
        const id = num(r[0]);
        let pool = byId.get(id);
        if (!pool) byId.set(id, (pool = { id, key: r[1] as string, symbols: [] }));
        pool.symbols.push(r[2] as string);
      }
      for (const p of byId.values()) p.symbols.sort();
      return [...byId.values()];
    },
    seriesOfPools: async (pools) => seriesWhere('s.pool', pools),
    seriesByIds: async (ids) => seriesWhere('s.id', ids),
    async seriesBehind(limit) {
      return seriesRows(
        all(
          `${SERIES} WHERE s.levels_to < (p.t / 3600000) * 3600000 ORDER BY s.levels_to LIMIT ?`,
          limit,
        ),
      );
    },
    async observationBounds() {
      const r = one('SELECT min(t), max(t) FROM observation');
      return !r || r[0] === null ? null : { first: num(r[0]), last: num(r[1]) };
    },
    async observationNeighbours(t) {
      const prev = one('SELECT max(t) FROM observation WHERE t < ?', t)?.[0];
      const next = one('SELECT min(t) FROM observation WHERE t > ?', t)?.[0];
      const has = one('SELECT 1 FROM observation WHERE t = ?', t) !== undefined;
      return { prev: (prev ?? null) as number | null, next: (next ?? null) as number | null, has };
    },
    async observations(from, to, limit) {
      return all(
        'SELECT t FROM observation WHERE t BETWEEN ? AND ? ORDER BY t LIMIT ?',
        from,
        to,
        limit,
      ).map((r) => num(r[0]));
    },
    membershipsAt: async (t) => overlapping(t, t),
    membershipsOverlapping: async (from, to, pools) => overlapping(from, to, pools),
    async coverage(from, to): Promise<CoverageRow[]> {
      return all(
        'SELECT id, t0, t1 FROM coverage WHERE t1 >= ? AND t0 <= ? ORDER BY t0',
        from,
        to,
      ).map((r) => ({
        id: num(r[0]),
        from: num(r[1]),
        to: num(r[2]),
      }));
    },
    async points(series, from, to, limit) {
      return all(
        `${POINT} WHERE series = ? AND t BETWEEN ? AND ? ORDER BY t LIMIT ?`,
        series,
        from,
        to,
        limit ?? -1,
      ).map(toPoint);
    },
    async pointsOfMany(series, from, to) {
      return all(
        `${POINT} WHERE series IN (${IDS}) AND t BETWEEN ? AND ? ORDER BY t, series`,
        idList(series),
        from,
        to,
      ).map(toPoint);
    },
    async pointAtOrBefore(series, at) {
      const r = one(`${POINT} WHERE series = ? AND t <= ? ORDER BY t DESC LIMIT 1`, series, at);
      return r ? toPoint(r) : null;
    },
    async lastPointIn(series, from, to) {
      const r = one(
        `${POINT} WHERE series = ? AND t BETWEEN ? AND ? ORDER BY t DESC LIMIT 1`,
        series,
        from,
        to,
      );
      return r ? toPoint(r) : null;
    },
    async lastPoints(series, at, count) {
      return all(`${POINT} WHERE series = ? AND t <= ? ORDER BY t DESC LIMIT ?`, series, at, count)
        .map(toPoint)
        .reverse();
    },
    async levels(level, series, from, to) {
      const w = LEVEL_MS[level];
      return all(
        `SELECT ${LEVEL_COLUMNS} FROM ${table(level)} WHERE series = ? AND bucket BETWEEN ? AND ? ORDER BY bucket`,
        series,
        Math.ceil(from / w),
        Math.floor(to / w),
      ).map((r) => toLevel(level, r));
    },
    async levelRows(level, keys) {
      const sql = `SELECT ${LEVEL_COLUMNS} FROM ${table(level)} WHERE series = ? AND bucket = ?`;
      const out: LevelRow[] = [];
      for (const k of keys) {
        const r = one(sql, k.series, k.bucket / LEVEL_MS[level]);
        if (r) out.push(toLevel(level, r));
      }
      return out;
    },
    async latestIndex(assets) {
      const out: IndexRow[] = [];
      for (const a of assets) {
        const r = one(`${INDEX} ORDER BY i.t DESC LIMIT 1`, a);
        if (r) out.push(index(r));
      }
      return out;
    },
    async indexPoints(asset, from, to) {
      return all(`${INDEX} AND i.t BETWEEN ? AND ? ORDER BY i.t`, asset, from, to).map(index);
    },
    async indexAtOrBefore(asset, at) {
      const r = one(`${INDEX} AND i.t <= ? ORDER BY i.t DESC LIMIT 1`, asset, at);
      return r ? index(r) : null;
    },
    async drops(from, to, limit): Promise<DropRow[]> {
      return all(
        'SELECT series, t, CAST(bb AS TEXT), bs, CAST(ab AS TEXT), as_ FROM drop_event WHERE t BETWEEN ? AND ? ORDER BY t DESC, series LIMIT ?',
        from,
        to,
        limit,
      ).map((r) => ({
        series: num(r[0]),
        t: num(r[1]),
        before: dec(r[2], r[3]),
        after: dec(r[4], r[5]),
      }));
    },
    async latestAdl() {
      return all('SELECT symbol, t, level FROM adl_current ORDER BY symbol').map(toAdl);
    },
    async adlChanges(from, to, options = {}) {
      const where = options.symbol === undefined ? '' : ' AND symbol = ?';
      const args: unknown[] = options.symbol === undefined ? [] : [options.symbol];
      return all(
        `SELECT symbol, t, level FROM adl_rating WHERE t BETWEEN ? AND ?${where} ORDER BY t DESC, symbol DESC LIMIT ?`,
        from,
        to,
        ...args,
        options.limit ?? -1,
      )
        .map(toAdl)
        .reverse();
    },
  };
}
