import type { HistoryPoint } from '../../src/core/history.ts';
/**
 * The persistence adapter: what a history store must persist and query, and nothing more. The
 * domain logic (the diff of a snapshot against the stored state, memberships, coverage, drop
 * detection, the coarser levels' arithmetic, thinning, the overview) lives once, in the modules
 * beside this file, and talks to SQLite and PostgreSQL alike through this interface.
 *
 * Conventions every adapter keeps:
 * - Times are integer milliseconds since the epoch (the upstream's `updateTime`, the server's
 *   `observedAt`). They fit a JavaScript number and a PostgreSQL `bigint`.
 * - A balance or index is an exact decimal string matching `^-?\d+(\.\d+)?$`, and comes back
 *   byte for byte as it was given (`"1.50"` stays `"1.50"`, `"-0"` stays `"-0"`, `"007"` stays
 *   `"007"`). How it is encoded on disk is the adapter's business.
 * - Ids (symbol, asset, pool, series) are positive integers assigned by the adapter; once given,
 *   an id never changes meaning, so callers may cache them.
 * - "Ascending" means by `t` (then by id where two rows share a `t`).
 * - Every method may reject (disk full, corrupt file, lost connection); the caller catches.
 * - Reads outside `write` see committed data only. Reads through a `HistoryTx` see that
 *   transaction's own writes.
 */
import type { AdlRating } from '../../src/core/adl.ts';
import type { AlertStore } from '../alerts/alert-store.ts';

/** A recorded balance of one series. */
export interface PointRow {
  series: number;
  t: number;
  balance: string;
}

/** The coarser levels: one row per series per bucket (an hour or a UTC day). */
export type Level = 'hour' | 'day';
export const LEVEL_MS: Record<Level, number> = { hour: 3_600_000, day: 86_400_000 };

/**
 * The aggregate of a series' points whose `t` lies in `[bucket, bucket + LEVEL_MS[level])`.
 * `bucket` is the bucket's start, a multiple of the level's width. `n` counts the points, `last`
 * is the point with the greatest `t`, `min` and `max` the lowest and highest balance (compared
 * exactly; on a tie the earlier point). The logic computes rows; the adapter stores them as given.
 */
export interface LevelRow {
  series: number;
  bucket: number;
  n: number;
  last: HistoryPoint;
  min: HistoryPoint;
  max: HistoryPoint;
}

/**
 * A series: its pool and asset, its latest point (the one with the greatest `t`, read from its
 * points; `null` while it has none), and the state the logic last wrote with `putSeriesState`:
 * whether that point lies in a drawdown episode, `levelsTo` (every point with `t < levelsTo` is counted in
 * the hourly and daily level rows; the points from there on are not yet; `null`: none is) and
 * `hourMax` (the highest balance of the hour of its latest point, and of the hour before).
 */
export interface SeriesRow {
  id: number;
  pool: number;
  asset: string;
  last: HistoryPoint | null;
  inDrop: boolean;
  levelsTo: number | null;
  hourMax: HourMax | null;
  /** The hour's high the current drawdown episode began below (with its time), `null` outside one. */
  episodeHigh: HistoryPoint | null;
}

/** The highest balance of the hour starting at `bucket` and, if it had points, of the hour before. */
export interface HourMax {
  bucket: number;
  max: string;
  prevMax: string | null;
}

/** What `putSeriesState` sets: everything of `SeriesRow` the logic computes (`inDrop` false, the others null, until set). */
export type SeriesState = Pick<SeriesRow, 'id' | 'inDrop' | 'levelsTo' | 'hourMax' | 'episodeHigh'>;

/** A pool's member set as stored: `key` is the sorted members joined by `,` (core/pools `poolKey`). */
export interface PoolRow {
  id: number;
  key: string;
  symbols: string[];
}

/**
 * An interval of observations in which the pool `pool` existed: it was in the recording at `from`,
 * in the one at `to`, and in every recording stored between them. `id` is the adapter's row id.
 * An `open` row reaches the latest stored observation whatever it is: it is stored without an
 * end (so a recording that finds the pool again writes nothing), and read with `to` set to the
 * latest observation.
 */
export interface MembershipRow {
  id: number;
  pool: number;
  from: number;
  to: number;
  open: boolean;
}

/** An interval in which snapshots were received. `id` is the adapter's row id. */
export interface CoverageRow {
  id: number;
  from: number;
  to: number;
}

/** A recorded asset index (`<ASSET>USD`): `t` is the index's own `time`. */
export interface IndexRow {
  asset: string;
  t: number;
  index: string;
}

/** A drawdown of a series: at `t` its balance `after` was more than 5 % below `before`, the hour's high. */
export interface DropRow {
  series: number;
  t: number;
  before: string;
  after: string;
}

/** Which process records, and how well the store is doing; shown on `/api/health`. */
export interface StoreInfo {
  kind: 'sqlite' | 'postgres' | 'none';
  /** A file path, or a database URL without its password. */
  location: string;
  /** `writer`: this process records. `reader`: it serves the history and writes nothing. */
  role: 'writer' | 'reader' | 'off';
  /**
   * `degraded` with `reason` when the store cannot be written or read as it should (a read-only
   * or corrupt file, a lost connection). Failed writes are tracked by the logic on top of this.
   */
  state: 'ok' | 'degraded';
  reason?: string;
}

/** Every read the logic needs. Each is a small indexed query; none scans a whole table. */
export interface HistoryReader {
  /** The symbol's id, `undefined` if never stored. */
  symbolId(name: string): Promise<number | undefined>;
  /** The pools (ids) whose member set contains the symbol, in any order. */
  poolsOfSymbol(symbol: number): Promise<number[]>;
  /** The pools with these ids (unknown ids are left out); `symbols` sorted as in `key`. */
  pools(ids: readonly number[]): Promise<PoolRow[]>;
  /** Every series of these pools, with its stored state, ascending by id. */
  seriesOfPools(pools: readonly number[]): Promise<SeriesRow[]>;
  /** The series with these ids (unknown ids left out), ascending by id. */
  seriesByIds(ids: readonly number[]): Promise<SeriesRow[]>;
  /**
   * Up to `limit` series whose levels lag: `levelsTo` is not null and less than the start of
   * the UTC hour of `last.t` (`floor(last.t / 3_600_000) * 3_600_000`), smallest `levelsTo` first.
   */
  seriesBehind(limit: number): Promise<SeriesRow[]>;

  /** The first and last stored observation times, `null` when nothing was recorded. */
  observationBounds(): Promise<{ first: number; last: number } | null>;
  /** The greatest observation `< t` and the least `> t` (`null` where none), and whether `t` itself is stored. */
  observationNeighbours(
    t: number,
  ): Promise<{ prev: number | null; next: number | null; has: boolean }>;
  /** Stored observation times in `[from, to]`, ascending, at most `limit`. */
  observations(from: number, to: number, limit: number): Promise<number[]>;

  /** Membership rows with `from <= t <= to`: the pools that existed at observation `t`. */
  membershipsAt(t: number): Promise<MembershipRow[]>;
  /**
   * Membership rows overlapping `[from, to]` (`row.from <= to && row.to >= from`), ascending by
   * `from`; restricted to `pools` when given.
   */
  membershipsOverlapping(
    from: number,
    to: number,
    pools?: readonly number[],
  ): Promise<MembershipRow[]>;
  /** Coverage rows overlapping `[from, to]`, ascending by `from`. */
  coverage(from: number, to: number): Promise<CoverageRow[]>;

  /** The series' points with `from <= t <= to`, ascending; the first `limit` of them when given. */
  points(series: number, from: number, to: number, limit?: number): Promise<PointRow[]>;
  /** The points of several series with `from <= t <= to`, ascending by `t` across them. */
  pointsOfMany(series: readonly number[], from: number, to: number): Promise<PointRow[]>;
  /** The series' point with the greatest `t <= at`, or `null`. */
  pointAtOrBefore(series: number, at: number): Promise<PointRow | null>;
  /** The series' point with the greatest `t` in `[from, to]`, or `null`. */
  lastPointIn(series: number, from: number, to: number): Promise<PointRow | null>;
  /** The series' last `count` points with `t <= at`, ascending. */
  lastPoints(series: number, at: number, count: number): Promise<PointRow[]>;
  /** The level rows of a series with `from <= bucket <= to`, ascending by bucket. */
  levels(level: Level, series: number, from: number, to: number): Promise<LevelRow[]>;
  /** The level rows of these (series, bucket) pairs that exist, in any order. */
  levelRows(level: Level, keys: readonly { series: number; bucket: number }[]): Promise<LevelRow[]>;

  /** The latest stored index of each asset (the row with the greatest `t`), assets without one left out. */
  latestIndex(assets: readonly string[]): Promise<IndexRow[]>;
  /** The asset's index rows with `from <= t <= to`, ascending. */
  indexPoints(asset: string, from: number, to: number): Promise<IndexRow[]>;
  /** The asset's index row with the greatest `t <= at`, or `null`. */
  indexAtOrBefore(asset: string, at: number): Promise<IndexRow | null>;

  /** Drop rows with `from <= t <= to`, newest first, at most `limit`. */
  drops(from: number, to: number, limit: number): Promise<DropRow[]>;

  /** The latest stored ADL rating of every symbol (its row with the greatest `updateTime`), by symbol. */
  latestAdl(): Promise<AdlRating[]>;
  /**
   * Stored ADL rating changes with `from <= updateTime <= to`, ascending by `updateTime` (then
   * symbol); only `symbol`'s when given; with `limit`, the last `limit` of them.
   */
  adlChanges(
    from: number,
    to: number,
    options?: { symbol?: string; limit?: number },
  ): Promise<AdlRating[]>;
}

/**
 * The writes, available only inside `HistoryAdapter.write`. Inserts of keyed rows are
 * "insert if absent" (`ON CONFLICT DO NOTHING`): two servers recording the same answer, or an
 * import run twice, store each row once.
 */
export interface HistoryTx extends HistoryReader {
  /**
   * The ids of these pools and series, creating what is missing (with the symbols they name). A
   * pool is given by its key and its members (the members make `poolsOfSymbol` work); a series by
   * its pool key and asset; every series' pool is among `pools`. Returns maps keyed as given
   * (`series` by `${poolKey}\n${asset}`).
   */
  ensureCatalog(input: {
    pools: readonly { key: string; symbols: readonly string[] }[];
    series: readonly { poolKey: string; asset: string }[];
  }): Promise<{ pools: Map<string, number>; series: Map<string, number> }>;
  /** Sets the stored state of series (drop flag, `levelsTo`, `hourMax`, `episodeHigh`), as given. */
  putSeriesState(rows: readonly SeriesState[]): Promise<void>;
  /**
   * Inserts points where `(series, t)` is not stored yet. Returns, for each input row in order,
   * whether it was inserted (`false`: a point with that key was already there, left unchanged).
   */
  insertPoints(rows: readonly PointRow[]): Promise<boolean[]>;
  /** Inserts or overwrites level rows keyed by `(series, bucket)` with exactly the given values. */
  putLevels(level: Level, rows: readonly LevelRow[]): Promise<void>;
  /** Stores an observation time; `false` if it was already stored. */
  insertObservation(t: number): Promise<boolean>;
  /**
   * Inserts a membership row (returns its id) or, given an `id`, sets that row's `from` and `to`;
   * `to: 'open'` stores the row as open (see `MembershipRow`).
   */
  putMembership(row: {
    id?: number;
    pool: number;
    from: number;
    to: number | 'open';
  }): Promise<number>;
  deleteMemberships(ids: readonly number[]): Promise<void>;
  /** Inserts a coverage row (returns its id) or, given an `id`, sets its `from` and `to`. */
  putCoverage(row: { id?: number; from: number; to: number }): Promise<number>;
  deleteCoverage(ids: readonly number[]): Promise<void>;
  /** Inserts index rows where `(asset, t)` is not stored yet. */
  insertIndex(rows: readonly IndexRow[]): Promise<void>;
  /** Inserts drop rows where `(series, t)` is not stored yet. */
  insertDrops(rows: readonly DropRow[]): Promise<void>;
  /**
   * Inserts ADL ratings where `(symbol, updateTime)` is not stored yet; for each input row in
   * order, whether it was inserted. Whether a rating is a change is the logic's to judge
   * (record-adl.ts), inside the same transaction.
   */
  insertAdl(rows: readonly AdlRating[]): Promise<boolean[]>;
}

export interface HistoryAdapter extends HistoryReader {
  info(): StoreInfo;
  /**
   * Runs `fn` in one write transaction and commits when it resolves; rolls back everything it
   * wrote when it rejects (and rejects with its error). Transactions never interleave: in one
   * process calls queue, across processes the adapter holds a lock for the whole transaction
   * (SQLite: only the writer process writes; PostgreSQL: `pg_advisory_xact_lock` on one fixed
   * key, taken first), so the logic's reads inside `fn` see the state it then writes against.
   * Rejects at once when this process may not write (`info().role !== 'writer'`).
   */
  write<T>(fn: (tx: HistoryTx) => Promise<T>): Promise<T>;
  /**
   * Tries again to become the writer (another process may have let go of the role). Resolves
   * to the role it now has; an adapter that never shares the role resolves to its role as is.
   */
  claimWriter(): Promise<StoreInfo['role']>;
  /** Waits for a transaction in flight, then releases the files, connections and the writer lock. */
  close(): Promise<void>;
  /** The alerts' episodes and outbox in the same database (server/alerts); absent when history is off. */
  alerts?: () => AlertStore;
}
