/**
 * The history figures on PostgreSQL, beside SQLite's: the same import of a year of 5-minute
 * snapshots, the same `GET /api/history` p95 over 24 h, 30 days and a year, the same recorder
 * cost, measured by bench/history.ts against a PostgreSQL server started for the run (fsync on,
 * as in production); and two servers recording the same upstream for a minute into one database,
 * with the points stored per snapshot of each series (exactly 1 is right). Alone:
 *
 *   npx tsx bench/history-postgres.ts [--quick] [--postgres-only]
 */
import { parseArgs } from 'node:util';
import pg from 'pg';
import { startDemoUpstream } from '../server/demo/upstream.ts';
import { findPostgres } from '../server/history/postgres/find-postgres.ts';
import { openPostgresAdapter } from '../server/history/postgres/postgres-adapter.ts';
import { recordTogether } from '../server/history/postgres/test-record-together.ts';
import { startTestCluster, type TestCluster } from '../server/history/postgres/test-cluster.ts';
import {
  historyRows,
  measureHistory,
  sqliteBenchStore,
  type BenchStoreFactory,
  type HistoryFigures,
} from './history.ts';
import { judge, printTable, type Row } from './report.ts';

/** A database per folder the bench hands out: reopening the same folder reopens the same data. */
export function postgresBenchStore(cluster: TestCluster): BenchStoreFactory {
  const databases = new Map<string, string>();
  return async (dir) => {
    let url = databases.get(dir);
    if (!url) databases.set(dir, (url = await cluster.createDatabase()));
    const store = openPostgresAdapter({ url });
    return {
      store,
      /** Tables and their indexes, without the catalogue every database has. */
      async size() {
        const client = new pg.Client({ connectionString: url });
        await client.connect();
        try {
          const { rows } = await client.query<{ bytes: string }>(
            `SELECT coalesce(sum(pg_total_relation_size(c.oid)), 0) AS bytes FROM pg_class c
             JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relkind = 'r'`,
          );
          return Number(rows[0]!.bytes);
        } finally {
          await client.end();
        }
      },
      dispose: () => store.close(),
    };
  };
}

export interface SharedFigures {
  servers: number;
  seconds: number;
  rounds: number;
  /** Distinct values received (series × updateTime) and points stored for them. */
  values: number;
  stored: number;
  /** Values that more than one point was stored for, and values received that were not stored. */
  doubled: number;
  missing: number;
}

/** Two servers, one demo upstream, one database, recording every second for `seconds`. */
export async function measureSharedRecording(cluster: TestCluster, seconds: number) {
  const upstream = await startDemoUpstream({ stepMs: 1_000 });
  const url = await cluster.createDatabase();
  const stores = [openPostgresAdapter({ url }), openPostgresAdapter({ url })];
  try {
    const run = await recordTogether({
      stores,
      upstream: upstream.url,
      rounds: Number.MAX_SAFE_INTEGER,
      until: Date.now() + seconds * 1000,
      pauseMs: 1_000,
    });
    const counts = new Map<string, number>();
    for (const k of run.stored) counts.set(k, (counts.get(k) ?? 0) + 1);
    return {
      servers: stores.length,
      seconds,
      rounds: run.rounds,
      values: run.seen.size,
      stored: run.stored.length,
      doubled: [...counts.values()].filter((n) => n > 1).length,
      missing: [...run.seen].filter((k) => !counts.has(k)).length,
    } satisfies SharedFigures;
  } finally {
    for (const s of stores) await s.close();
    await upstream.close();
  }
}

export function sharedRows(f: SharedFigures): Row[] {
  const perSnapshot = f.values > 0 ? f.stored / f.values : 0;
  return [
    {
      measure: `${f.servers} servers recording one upstream for ${f.seconds} s: points stored per snapshot`,
      result: perSnapshot.toFixed(3),
      target: 'exactly 1',
      status: judge(f.doubled === 0 && f.missing === 0 && f.stored === f.values),
      note: `${f.stored} points for ${f.values} values received in ${f.rounds} rounds; ${f.doubled} doubled, ${f.missing} missing`,
    },
  ];
}

/** SQLite's rows and PostgreSQL's, each measure once per store. */
export function sideBySide(sqlite: HistoryFigures, postgres: HistoryFigures): Row[] {
  const label = (rows: Row[], store: string) =>
    rows.map((r) => ({ ...r, measure: `${store}: ${r.measure}` }));
  return [...label(historyRows(sqlite), 'SQLite'), ...label(historyRows(postgres), 'PostgreSQL')];
}

/** The PostgreSQL figures, or why they could not be taken (no PostgreSQL on this machine). */
export async function measurePostgres(options: { quick?: boolean; log?: (l: string) => void }) {
  const found = findPostgres();
  if (!found.found) return { skipped: found.reason } as const;
  const cluster = await startTestCluster({ durable: true });
  try {
    const history = await measureHistory(postgresBenchStore(cluster), options);
    options.log?.('two servers recording one upstream');
    const shared = await measureSharedRecording(cluster, options.quick ? 10 : 60);
    return { history, shared } as const;
  } finally {
    cluster.stop();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({
    options: {
      quick: { type: 'boolean', default: false },
      // SQLite's figures are in npm run bench already; this measures PostgreSQL's alone.
      'postgres-only': { type: 'boolean', default: false },
    },
  });
  const log = (l: string) => console.log(l);
  const sqlite = values['postgres-only']
    ? null
    : await measureHistory(sqliteBenchStore, { quick: values.quick, log });
  const postgres = await measurePostgres({ quick: values.quick, log });
  if ('skipped' in postgres) {
    if (sqlite) console.log(printTable(historyRows(sqlite)));
    console.log(`PostgreSQL not measured: ${postgres.skipped}`);
  } else {
    const rows = sqlite
      ? sideBySide(sqlite, postgres.history)
      : historyRows(postgres.history).map((r) => ({ ...r, measure: `PostgreSQL: ${r.measure}` }));
    console.log(printTable([...rows, ...sharedRows(postgres.shared)]));
    console.log(JSON.stringify({ sqlite, postgres }, null, 2));
  }
}
