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
import { OPEN_END } from './migrations.ts';

/** Runs one parameterised statement and resolves to its rows (times already numbers). */
export type Query = <R = Row>(text: string, values?: readonly unknown[]) => Promise<R[]>;
type Row = Record<string, unknown>;

const POINT = 'SELECT series, t, balance FROM point';
const toPoint = (r: Row): PointRow => ({
  series: r.series as number,
  t: r.t as number,
  balance: r.balance as string,
});
export const levelTable = (level: Level) => (level === 'hour' ? 'hour_level' : 'day_level');
const LEVEL_COLUMNS =
  'series, bucket, n, last_t, last_balance, min_t, min_balance, max_t, max_balance';
const toLevel = (r: Row): LevelRow => ({
  series: r.series as number,
  bucket: r.bucket as number,
  n: r.n as number,
  last: { t: r.last_t as number, balance: r.last_balance as string },
  min: { t: r.min_t as number, balance: r.min_balance as string },
  max: { t: r.max_t as number, balance: r.max_balance as string },
});
/** An open membership is read with its end at the latest observation (computed once a statement). */
const MEMBERSHIP = `SELECT id, pool, t0, t1 = ${OPEN_END} AS open,
  CASE WHEN t1 = ${OPEN_END} THEN coalesce((SELECT max(t) FROM observation), 0) ELSE t1 END AS t1
  FROM membership`;
const toIndex = (r: Row): IndexRow => ({
  asset: r.asset as string,
  t: r.t as number,
  index: r.index as string,
});
const toAdl = (r: Row): AdlRating => ({
  symbol: r.symbol as string,
  level: r.level as AdlLevel,
  updateTime: r.t as number,
});
const first = <T>(rows: T[]): T | null => rows[0] ?? null;

/**
 * The reads of the PostgreSQL adapter: each one statement on an index (a primary key, or the
 * `t1`/`t` indexes for intervals and drops). Lists of ids travel as one array parameter.
 */
export function postgresReads(q: Query): HistoryReader {
  /** The rows of one statement, each read by `read`. */
  const all = async <T>(text: string, values: readonly unknown[], read: (r: Row) => T) =>
    (await q(text, values)).map(read);
  /** The first row of one statement, read by `read`; `null` when there is none. */
  const one = async <T>(text: string, values: readonly unknown[], read: (r: Row) => T) => {
    const [r] = await q(text, values);
    return r ? read(r) : null;
  };
  const SERIES = `SELECT s.id, s.pool, s.asset, p.t AS last_t, p.balance AS last_balance, s.in_drop,
      s.levels_to, s.hour_bucket, s.hour_max, s.prev_hour_max, s.episode_t, s.episode_balance
    FROM series s LEFT JOIN LATERAL (
      SELECT t, balance FROM point WHERE series = s.id ORDER BY t DESC LIMIT 1
    ) AS p ON true`;
  const toSeries = (r: Row): SeriesRow => ({
    id: r.id as number,
    pool: r.pool as number,
    asset: r.asset as string,
    last: r.last_t === null ? null : { t: r.last_t as number, balance: r.last_balance as string },
    inDrop: r.in_drop === true,
    levelsTo: r.levels_to as number | null,
    hourMax:
      r.hour_bucket === null
        ? null
        : {
            bucket: r.hour_bucket as number,
            max: r.hour_max as string,
            prevMax: r.prev_hour_max as string | null,
          },
    episodeHigh:
      r.episode_t === null
        ? null
        : { t: r.episode_t as number, balance: r.episode_balance as string },
  });
  const seriesWhere = (column: 'pool' | 'id', ids: readonly number[]) =>
    all(`${SERIES} WHERE s.${column} = ANY($1::integer[]) ORDER BY s.id`, [ids], toSeries);

  /** Rows with their ends as read, those ending before `from` (an open one, at the latest observation) left out. */
  const memberships = (rows: Row[], from: number): MembershipRow[] =>
    rows
      .map((r) => ({
        id: r.id as number,
        pool: r.pool as number,
        from: r.t0 as number,
        to: r.t1 as number,
        open: r.open === true,
      }))
      .filter((r) => r.to >= from);

  /** The memberships of `pools` (all by default) over `from`..`to`, in time order. */
  const overlapping = async (from: number, to: number, pools?: readonly number[]) =>
    memberships(
      pools
        ? await q(
            `${MEMBERSHIP} WHERE pool = ANY($3::integer[]) AND t0 <= $2 AND t1 >= $1 ORDER BY t0, id`,
            [from, to, pools],
          )
        : await q(`${MEMBERSHIP} WHERE t1 >= $1 AND t0 <= $2 ORDER BY t0, id`, [from, to]),
      from,
    );

  return {
    async symbolId(name) {
      return (await q<{ id: number }>('SELECT id FROM symbol WHERE name = $1', [name]))[0]?.id;
    },
    poolsOfSymbol: (symbol) =>
      all('SELECT pool FROM pool_member WHERE symbol = $1', [symbol], (r) => r.pool as number),
    async pools(ids): Promise<PoolRow[]> {
      const rows = await q<{ id: number; key: string; symbols: string[] }>(
        `SELECT p.id, p.key, array_agg(s.name) AS symbols FROM pool p
         JOIN pool_member m ON m.pool = p.id JOIN symbol s ON s.id = m.symbol
         WHERE p.id = ANY($1::integer[]) GROUP BY p.id ORDER BY p.id`,
        [ids],
      );
      // Sorted by JavaScript's order, as the key is, not by the database's collation.
      return rows.map((r) => ({ id: r.id, key: r.key, symbols: [...r.symbols].sort() }));
    },
    seriesOfPools: (pools) => seriesWhere('pool', pools),
    seriesByIds: (ids) => seriesWhere('id', ids),
    seriesBehind: (limit) =>
      all(
        `${SERIES} WHERE s.levels_to < (p.t / ${LEVEL_MS.hour}) * ${LEVEL_MS.hour} ORDER BY s.levels_to, s.id LIMIT $1`,
        [limit],
        toSeries,
      ),
    async observationBounds() {
      const r = first(await q('SELECT min(t) AS first, max(t) AS last FROM observation'));
      return !r || r.first === null ? null : { first: r.first as number, last: r.last as number };
    },
    async observationNeighbours(t) {
      const r = (
        await q(
          `SELECT (SELECT max(t) FROM observation WHERE t < $1) AS prev,
                  (SELECT min(t) FROM observation WHERE t > $1) AS next,
                  EXISTS (SELECT 1 FROM observation WHERE t = $1) AS has`,
          [t],
        )
      )[0]!;
      return { prev: r.prev as number | null, next: r.next as number | null, has: r.has === true };
    },
    async observations(from, to, limit) {
      const rows = await q<{ t: number }>(
        'SELECT t FROM observation WHERE t BETWEEN $1 AND $2 ORDER BY t LIMIT $3',
        [from, to, limit],
      );
      return rows.map((r) => r.t);
    },
    membershipsAt: (t) => overlapping(t, t),
    membershipsOverlapping: (from, to, pools) => overlapping(from, to, pools),
    async coverage(from, to): Promise<CoverageRow[]> {
      const rows = await q(
        'SELECT id, t0, t1 FROM coverage WHERE t1 >= $1 AND t0 <= $2 ORDER BY t0, id',
        [from, to],
      );
      return rows.map((r) => ({ id: r.id as number, from: r.t0 as number, to: r.t1 as number }));
    },
    points: (series, from, to, limit) =>
      all(
        `${POINT} WHERE series = $1 AND t BETWEEN $2 AND $3 ORDER BY t LIMIT $4`,
        [series, from, to, limit ?? null],
        toPoint,
      ),
    pointsOfMany: (series, from, to) =>
      all(
        `${POINT} WHERE series = ANY($1::integer[]) AND t BETWEEN $2 AND $3 ORDER BY t, series`,
        [series, from, to],
        toPoint,
      ),
    pointAtOrBefore: (series, at) =>
      one(`${POINT} WHERE series = $1 AND t <= $2 ORDER BY t DESC LIMIT 1`, [series, at], toPoint),
    lastPointIn: (series, from, to) =>
      one(
        `${POINT} WHERE series = $1 AND t BETWEEN $2 AND $3 ORDER BY t DESC LIMIT 1`,
        [series, from, to],
        toPoint,
      ),
    async lastPoints(series, at, count) {
      const sql = `${POINT} WHERE series = $1 AND t <= $2 ORDER BY t DESC LIMIT $3`;
      return (await all(sql, [series, at, count], toPoint)).reverse();
    },
    levels: (level, series, from, to) =>
      all(
        `SELECT ${LEVEL_COLUMNS} FROM ${levelTable(level)} WHERE series = $1 AND bucket BETWEEN $2 AND $3 ORDER BY bucket`,
        [series, from, to],
        toLevel,
      ),
    async levelRows(level, keys) {
      if (keys.length === 0) return [];
      return all(
        `SELECT ${LEVEL_COLUMNS} FROM ${levelTable(level)}
         JOIN unnest($1::integer[], $2::bigint[]) AS k (ks, kb) ON series = ks AND bucket = kb`,
        [keys.map((k) => k.series), keys.map((k) => k.bucket)],
        toLevel,
      );
    },
    latestIndex: (assets) =>
      all(
        `SELECT i.asset, i.t, i.index FROM unnest($1::text[]) AS a (name)
         CROSS JOIN LATERAL (SELECT asset, t, index FROM index_point
                             WHERE asset = a.name ORDER BY t DESC LIMIT 1) AS i`,
        [[...new Set(assets)]],
        toIndex,
      ),
    indexPoints: (asset, from, to) =>
      all(
        'SELECT asset, t, index FROM index_point WHERE asset = $1 AND t BETWEEN $2 AND $3 ORDER BY t',
        [asset, from, to],
        toIndex,
      ),
    indexAtOrBefore: (asset, at) =>
      one(
        'SELECT asset, t, index FROM index_point WHERE asset = $1 AND t <= $2 ORDER BY t DESC LIMIT 1',
        [asset, at],
        toIndex,
      ),
    async drops(from, to, limit): Promise<DropRow[]> {
      const rows = await q(
        'SELECT series, t, before, after FROM drop_event WHERE t BETWEEN $1 AND $2 ORDER BY t DESC, series LIMIT $3',
        [from, to, limit],
      );
      return rows.map((r) => ({
        series: r.series as number,
        t: r.t as number,
        before: r.before as string,
        after: r.after as string,
      }));
    },
    latestAdl: () =>
      all('SELECT symbol, t, level FROM adl_current ORDER BY symbol COLLATE "C"', [], toAdl),
    async adlChanges(from, to, options = {}) {
      const rows = await q(
        `SELECT symbol, t, level FROM adl_rating WHERE t BETWEEN $1 AND $2
           AND ($3::text IS NULL OR symbol = $3) ORDER BY t DESC, symbol COLLATE "C" DESC LIMIT $4`,
        [from, to, options.symbol ?? null, options.limit ?? null],
      );
      return rows.map(toAdl).reverse();
    },
  };
}
