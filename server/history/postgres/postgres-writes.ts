import type { HistoryReader, HistoryTx, LevelRow, SeriesState } from '../adapter.ts';
import { OPEN_END } from './migrations.ts';
import { levelTable, type Query } from './postgres-reads.ts';

/**
 * Ids known to be committed. Ids created inside a transaction join it only after COMMIT: a rolled
 * back id must never be reused from memory. Ids never change meaning, so an id committed by
 * another server is as good as one of ours.
 */
export interface IdCache {
  pools: Map<string, number>;
  series: Map<string, number>;
}
export const newIdCache = (): IdCache => ({ pools: new Map(), series: new Map() });

const seriesKey = (pool: string, asset: string) => `${pool}\n${asset}`;

/** The last row given for each key: a statement must not touch one row twice. */
function lastByKey<T>(rows: readonly T[], key: (r: T) => string): T[] {
  const byKey = new Map<string, T>();
  for (const r of rows) byKey.set(key(r), r);
  return [...byKey.values()];
}

/**
 * The writes of the PostgreSQL adapter, on the transaction's connection. Every batch is one
 * statement over `unnest` of array parameters, and every keyed insert is `ON CONFLICT DO
 * NOTHING`, so another server's identical rows, committed first, are left as they are.
 */
export function postgresTx(
  q: Query,
  reads: HistoryReader,
  cache: IdCache,
  created: IdCache,
): HistoryTx {
  const known = (kind: keyof IdCache, key: string) =>
    cache[kind].get(key) ?? created[kind].get(key);

  async function poolIds(pools: readonly { key: string; symbols: readonly string[] }[]) {
    const ids = new Map<string, number>();
    const missing = lastByKey(
      pools.filter((p) => known('pools', p.key) === undefined),
      (p) => p.key,
    );
    for (const p of pools)
      if (known('pools', p.key) !== undefined) ids.set(p.key, known('pools', p.key)!);
    if (missing.length === 0) return ids;
    const keys = missing.map((p) => p.key);
    await q('INSERT INTO pool (key) SELECT unnest($1::text[]) ON CONFLICT DO NOTHING', [keys]);
    const names = [...new Set(missing.flatMap((p) => p.symbols))];
    await q('INSERT INTO symbol (name) SELECT unnest($1::text[]) ON CONFLICT DO NOTHING', [names]);
    const members = missing.flatMap((p) => p.symbols.map((s) => [p.key, s] as const));
    await q(
      `INSERT INTO pool_member (pool, symbol)
       SELECT p.id, s.id FROM unnest($1::text[], $2::text[]) AS m (k, n)
       JOIN pool p ON p.key = m.k JOIN symbol s ON s.name = m.n
       ON CONFLICT DO NOTHING`,
      [members.map((m) => m[0]), members.map((m) => m[1])],
    );
    for (const r of await q<{ id: number; key: string }>(
      'SELECT id, key FROM pool WHERE key = ANY($1::text[])',
      [keys],
    )) {
      ids.set(r.key, r.id);
      created.pools.set(r.key, r.id);
    }
    return ids;
  }

  async function seriesIds(
    series: readonly { poolKey: string; asset: string }[],
    pools: Map<string, number>,
  ) {
    const ids = new Map<string, number>();
    const missing: { pool: number; asset: string; key: string }[] = [];
    for (const s of series) {
      const key = seriesKey(s.poolKey, s.asset);
      const id = known('series', key);
      if (id !== undefined) ids.set(key, id);
      else {
        const pool = pools.get(s.poolKey);
        if (pool === undefined)
          throw new Error(`series of an unknown pool: ${s.poolKey.slice(0, 80)}`);
        missing.push({ pool, asset: s.asset, key });
      }
    }
    if (missing.length === 0) return ids;
    const cols = [missing.map((m) => m.pool), missing.map((m) => m.asset)];
    await q(
      'INSERT INTO series (pool, asset) SELECT * FROM unnest($1::integer[], $2::text[]) ON CONFLICT DO NOTHING',
      cols,
    );
    const rows = await q<{ id: number; pool: number; asset: string }>(
      `SELECT s.id, s.pool, s.asset FROM series s
       JOIN unnest($1::integer[], $2::text[]) AS m (p, a) ON s.pool = m.p AND s.asset = m.a`,
      cols,
    );
    const byPoolAsset = new Map(rows.map((r) => [`${r.pool}\n${r.asset}`, r.id]));
    for (const m of missing) {
      const id = byPoolAsset.get(`${m.pool}\n${m.asset}`)!;
      ids.set(m.key, id);
      created.series.set(m.key, id);
    }
    return ids;
  }

  return {
    ...reads,
    async ensureCatalog({ pools, series }) {
      const p = await poolIds(pools);
      return { pools: p, series: await seriesIds(series, p) };
    },
    async putSeriesState(rows) {
      const last = lastByKey(rows, (r) => String(r.id));
      if (last.length === 0) return;
      const col = (f: (r: SeriesState) => unknown) => last.map(f);
      await q(
        `UPDATE series SET in_drop = u.d, levels_to = u.lt, hour_bucket = u.hb, hour_max = u.hm,
           prev_hour_max = u.pm, episode_t = u.et, episode_balance = u.eb
         FROM unnest($1::integer[], $2::boolean[], $3::bigint[], $4::bigint[], $5::text[],
                     $6::text[], $7::bigint[], $8::text[]) AS u (id, d, lt, hb, hm, pm, et, eb)
         WHERE series.id = u.id`,
        [
          col((r) => r.id),
          col((r) => r.inDrop),
          col((r) => r.levelsTo),
          col((r) => r.hourMax?.bucket ?? null),
          col((r) => r.hourMax?.max ?? null),
          col((r) => r.hourMax?.prevMax ?? null),
          col((r) => r.episodeHigh?.t ?? null),
          col((r) => r.episodeHigh?.balance ?? null),
        ],
      );
    },
    async insertPoints(rows) {
      if (rows.length === 0) return [];
      const added = await q<{ series: number; t: number }>(
        `INSERT INTO point (series, t, balance)
         SELECT * FROM unnest($1::integer[], $2::bigint[], $3::text[])
         ON CONFLICT DO NOTHING RETURNING series, t`,
        [rows.map((r) => r.series), rows.map((r) => r.t), rows.map((r) => r.balance)],
      );
      // A key given twice is inserted once: the first of its rows counts as inserted.
      const fresh = new Set(added.map((r) => `${r.series}:${r.t}`));
      return rows.map((r) => fresh.delete(`${r.series}:${r.t}`));
    },
    async putLevels(level, rows) {
      const last = lastByKey(rows, (r) => `${r.series}:${r.bucket}`);
      if (last.length === 0) return;
      const col = (f: (r: LevelRow) => unknown) => last.map(f);
      await q(
        `INSERT INTO ${levelTable(level)} (series, bucket, n, last_t, last_balance, min_t, min_balance, max_t, max_balance)
         SELECT * FROM unnest($1::integer[], $2::bigint[], $3::integer[], $4::bigint[], $5::text[],
                              $6::bigint[], $7::text[], $8::bigint[], $9::text[])
         ON CONFLICT (series, bucket) DO UPDATE SET n = excluded.n,
           last_t = excluded.last_t, last_balance = excluded.last_balance,
           min_t = excluded.min_t, min_balance = excluded.min_balance,
           max_t = excluded.max_t, max_balance = excluded.max_balance`,
        [
          col((r) => r.series),
          col((r) => r.bucket),
          col((r) => r.n),
          col((r) => r.last.t),
          col((r) => r.last.balance),
          col((r) => r.min.t),
          col((r) => r.min.balance),
          col((r) => r.max.t),
          col((r) => r.max.balance),
        ],
      );
    },
    async insertObservation(t) {
      const rows = await q(
        'INSERT INTO observation (t) VALUES ($1) ON CONFLICT DO NOTHING RETURNING t',
        [t],
      );
      return rows.length > 0;
    },
    async putMembership(row) {
      const to = row.to === 'open' ? OPEN_END : row.to;
      if (row.id !== undefined) {
        await q('UPDATE membership SET t0 = $1, t1 = $2 WHERE id = $3', [row.from, to, row.id]);
        return row.id;
      }
      const rows = await q<{ id: number }>(
        'INSERT INTO membership (pool, t0, t1) VALUES ($1, $2, $3) RETURNING id',
        [row.pool, row.from, to],
      );
      return rows[0]!.id;
    },
    async deleteMemberships(ids) {
      if (ids.length > 0) await q('DELETE FROM membership WHERE id = ANY($1::integer[])', [ids]);
    },
    async putCoverage(row) {
      if (row.id !== undefined) {
        await q('UPDATE coverage SET t0 = $1, t1 = $2 WHERE id = $3', [row.from, row.to, row.id]);
        return row.id;
      }
      const rows = await q<{ id: number }>(
        'INSERT INTO coverage (t0, t1) VALUES ($1, $2) RETURNING id',
        [row.from, row.to],
      );
      return rows[0]!.id;
    },
    async deleteCoverage(ids) {
      if (ids.length > 0) await q('DELETE FROM coverage WHERE id = ANY($1::integer[])', [ids]);
    },
    async insertIndex(rows) {
      if (rows.length === 0) return;
      await q(
        `INSERT INTO index_point (asset, t, index)
         SELECT * FROM unnest($1::text[], $2::bigint[], $3::text[]) ON CONFLICT DO NOTHING`,
        [rows.map((r) => r.asset), rows.map((r) => r.t), rows.map((r) => r.index)],
      );
    },
    async insertDrops(rows) {
      if (rows.length === 0) return;
      await q(
        `INSERT INTO drop_event (series, t, before, after)
         SELECT * FROM unnest($1::integer[], $2::bigint[], $3::text[], $4::text[]) ON CONFLICT DO NOTHING`,
        [
          rows.map((r) => r.series),
          rows.map((r) => r.t),
          rows.map((r) => r.before),
          rows.map((r) => r.after),
        ],
      );
    },
    async insertAdl(rows) {
      if (rows.length === 0) return [];
      const added = await q<{ symbol: string; t: number }>(
        `INSERT INTO adl_rating (symbol, t, level)
         SELECT * FROM unnest($1::text[], $2::bigint[], $3::text[])
         ON CONFLICT DO NOTHING RETURNING symbol, t`,
        [rows.map((r) => r.symbol), rows.map((r) => r.updateTime), rows.map((r) => r.level)],
      );
      // adl_current: each symbol's newest of the rows just stored, where it is newer than its own.
      await q(
        `INSERT INTO adl_current (symbol, t, level)
         SELECT DISTINCT ON (symbol) symbol, t, level FROM adl_rating
         WHERE (symbol, t) IN (SELECT * FROM unnest($1::text[], $2::bigint[]))
         ORDER BY symbol, t DESC
         ON CONFLICT (symbol) DO UPDATE SET t = excluded.t, level = excluded.level
         WHERE excluded.t > adl_current.t`,
        [added.map((r) => r.symbol), added.map((r) => r.t)],
      );
      const fresh = new Set(added.map((r) => `${r.symbol}\n${r.t}`));
      return rows.map((r) => fresh.delete(`${r.symbol}\n${r.updateTime}`));
    },
  };
}
