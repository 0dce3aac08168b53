import type { HistoryReader, HistoryTx, Level } from '../adapter.ts';
import { LEVEL_MS } from '../adapter.ts';
import { encodeBalance } from './balance-codec.ts';
import { OPEN_END } from './migrations.ts';
import type { Statements } from './statements.ts';

/**
 * The writes of the SQLite adapter, run inside the adapter's transaction. Ids created here are
 * handed to `created` and enter the shared id cache only once the transaction commits: a rolled
 * back id must never be reused from memory.
 */
export interface IdCache {
  pools: Map<string, number>;
  series: Map<string, number>;
  symbols: Map<string, number>;
  assets: Map<string, number>;
}

export function newIdCache(): IdCache {
  return { pools: new Map(), series: new Map(), symbols: new Map(), assets: new Map() };
}

export function sqliteTx(
  q: Statements,
  reads: HistoryReader,
  cache: IdCache,
  created: IdCache,
): HistoryTx {
  const run = (sql: string, ...args: unknown[]) => q.get(sql).run(...(args as never[]));
  const lookup = (kind: keyof IdCache, key: string) =>
    cache[kind].get(key) ?? created[kind].get(key);

  function idOf(kind: 'symbols' | 'assets', name: string): number {
    const known = lookup(kind, name);
    if (known !== undefined) return known;
    const tableName = kind === 'symbols' ? 'symbol' : 'asset';
    run(`INSERT INTO ${tableName} (name) VALUES (?) ON CONFLICT DO NOTHING`, name);
    const id = (q.get(`SELECT id FROM ${tableName} WHERE name = ?`).get(name) as { id: number }).id;
    created[kind].set(name, id);
    return id;
  }

  return {
    ...reads,
    async ensureCatalog({ pools, series }) {
      const poolIds = new Map<string, number>();
      for (const p of pools) {
        let id = lookup('pools', p.key);
        if (id === undefined) {
          run('INSERT INTO pool (key) VALUES (?) ON CONFLICT DO NOTHING', p.key);
          id = (q.get('SELECT id FROM pool WHERE key = ?').get(p.key) as { id: number }).id;
          for (const s of p.symbols)
            run(
              'INSERT INTO pool_member (pool, symbol) VALUES (?, ?) ON CONFLICT DO NOTHING',
              id,
              idOf('symbols', s),
            );
          created.pools.set(p.key, id);
        }
        poolIds.set(p.key, id);
      }
      const seriesIds = new Map<string, number>();
      for (const s of series) {
        const key = `${s.poolKey}\n${s.asset}`;
        let id = lookup('series', key);
        if (id === undefined) {
          const pool = poolIds.get(s.poolKey);
          if (pool === undefined)
            throw new Error(`series of an unknown pool: ${s.poolKey.slice(0, 80)}`);
          const asset = idOf('assets', s.asset);
          run('INSERT INTO series (pool, asset) VALUES (?, ?) ON CONFLICT DO NOTHING', pool, asset);
          id = (
            q.get('SELECT id FROM series WHERE pool = ? AND asset = ?').get(pool, asset) as {
              id: number;
            }
          ).id;
          created.series.set(key, id);
        }
        seriesIds.set(key, id);
      }
      return { pools: poolIds, series: seriesIds };
    },
    async putSeriesState(rows) {
      const sql =
        'UPDATE series SET in_drop = ?, levels_to = ?, hb = ?, hxb = ?, hxs = ?, pxb = ?, pxs = ?, et = ?, eb = ?, es = ? WHERE id = ?';
      for (const r of rows) {
        const h = r.hourMax;
        const max = h ? encodeBalance(h.max) : { b: null, s: null };
        const prev = h?.prevMax ? encodeBalance(h.prevMax) : { b: null, s: null };
        const e = r.episodeHigh ? encodeBalance(r.episodeHigh.balance) : { b: null, s: null };
        run(
          sql,
          r.inDrop ? 1 : 0,
          r.levelsTo,
          h?.bucket ?? null,
          max.b,
          max.s,
          prev.b,
          prev.s,
          r.episodeHigh?.t ?? null,
          e.b,
          e.s,
          r.id,
        );
      }
    },
    async insertPoints(rows) {
      // One prepared statement a row: cheaper here than one statement over a JSON array.
      const insert = q.get(
        'INSERT INTO point (series, t, b, s) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING',
      );
      return rows.map((r) => {
        const e = encodeBalance(r.balance);
        return Number(insert.run(r.series, r.t, e.b, e.s).changes) > 0;
      });
    },
    async putLevels(level: Level, rows) {
      const table = level === 'hour' ? 'hour_level' : 'day_level';
      const sql = `INSERT OR REPLACE INTO ${table} (series, bucket, n, lt, lb, ls, nt, nb, ns, xt, xb, xs) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`;
      for (const r of rows) {
        const l = encodeBalance(r.last.balance);
        const n = encodeBalance(r.min.balance);
        const x = encodeBalance(r.max.balance);
        run(
          sql,
          r.series,
          r.bucket / LEVEL_MS[level],
          r.n,
          r.last.t,
          l.b,
          l.s,
          r.min.t,
          n.b,
          n.s,
          r.max.t,
          x.b,
          x.s,
        );
      }
    },
    async insertObservation(t) {
      return (
        Number(run('INSERT INTO observation (t) VALUES (?) ON CONFLICT DO NOTHING', t).changes) > 0
      );
    },
    async putMembership(row) {
      const to = row.to === 'open' ? OPEN_END : row.to;
      if (row.id !== undefined) {
        run('UPDATE membership SET t0 = ?, t1 = ? WHERE id = ?', row.from, to, row.id);
        return row.id;
      }
      return Number(
        run('INSERT INTO membership (pool, t0, t1) VALUES (?, ?, ?)', row.pool, row.from, to)
          .lastInsertRowid,
      );
    },
    async deleteMemberships(ids) {
      for (const id of ids) run('DELETE FROM membership WHERE id = ?', id);
    },
    async putCoverage(row) {
      if (row.id !== undefined) {
        run('UPDATE coverage SET t0 = ?, t1 = ? WHERE id = ?', row.from, row.to, row.id);
        return row.id;
      }
      return Number(
        run('INSERT INTO coverage (t0, t1) VALUES (?, ?)', row.from, row.to).lastInsertRowid,
      );
    },
    async deleteCoverage(ids) {
      for (const id of ids) run('DELETE FROM coverage WHERE id = ?', id);
    },
    async insertIndex(rows) {
      for (const r of rows) {
        const e = encodeBalance(r.index);
        run(
          'INSERT INTO index_point (asset, t, b, s) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING',
          idOf('assets', r.asset),
          r.t,
          e.b,
          e.s,
        );
      }
    },
    async insertDrops(rows) {
      for (const r of rows) {
        const b = encodeBalance(r.before);
        const a = encodeBalance(r.after);
        run(
          'INSERT INTO drop_event (series, t, bb, bs, ab, as_) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING',
          r.series,
          r.t,
          b.b,
          b.s,
          a.b,
          a.s,
        );
      }
    },
    async insertAdl(rows) {
      return rows.map((r) => {
        const added =
          run(
            'INSERT INTO adl_rating (symbol, t, level) VALUES (?, ?, ?) ON CONFLICT DO NOTHING',
            r.symbol,
            r.updateTime,
            r.level,
          ).changes !== 0;
        if (added)
          run(
            `INSERT INTO adl_current (symbol, t, level) VALUES (?, ?, ?) ON CONFLICT (symbol)
             DO UPDATE SET t = excluded.t, level = excluded.level WHERE excluded.t > adl_current.t`,
            r.symbol,
            r.updateTime,
            r.level,
          );
        return added;
      });
    },
  };
}
