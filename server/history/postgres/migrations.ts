import type { PoolClient } from 'pg';

/**
 * The schema, as versioned migrations applied in order; `schema_migrations` lists those applied.
 * A migration is never edited once released: a change of schema is a new entry.
 *
 * Balances, indices and drop amounts are TEXT: the upstream's exact string comes back byte for
 * byte (`NUMERIC` would turn `007` into `7` and `-0` into `0`). Times are `bigint` milliseconds.
 * Every keyed table has the primary key the adapter's "insert if absent" relies on, so servers
 * recording the same answer at once store each row once. Column names `t0`/`t1` stand for an
 * interval's `from`/`to` (both reserved words in SQL); an open membership has `t1 = OPEN_END`.
 * `series.hour_*` hold the series' `hourMax`, `episode_*` its `episodeHigh`; its latest point is
 * read from its points. A point's `t` comes first: after a 4-byte integer an
 * 8-byte one would be padded, 4 bytes in each of millions of rows.
 */
export const OPEN_END = Number.MAX_SAFE_INTEGER;
export const MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE symbol (id serial PRIMARY KEY, name text NOT NULL UNIQUE);
  CREATE TABLE pool (id serial PRIMARY KEY, key text NOT NULL UNIQUE);
  CREATE TABLE pool_member (
    pool integer NOT NULL REFERENCES pool, symbol integer NOT NULL REFERENCES symbol,
    PRIMARY KEY (pool, symbol)
  );
  CREATE INDEX pool_member_symbol ON pool_member (symbol);
  CREATE TABLE series (
    id serial PRIMARY KEY, pool integer NOT NULL REFERENCES pool, asset text NOT NULL,
    in_drop boolean NOT NULL DEFAULT false,
    levels_to bigint, hour_bucket bigint, hour_max text, prev_hour_max text,
    episode_t bigint, episode_balance text,
    UNIQUE (pool, asset)
  );
  CREATE TABLE point (
    t bigint NOT NULL, series integer NOT NULL, balance text NOT NULL, PRIMARY KEY (series, t)
  );
  CREATE TABLE hour_level (
    series integer NOT NULL, bucket bigint NOT NULL, n integer NOT NULL,
    last_t bigint NOT NULL, last_balance text NOT NULL,
    min_t bigint NOT NULL, min_balance text NOT NULL,
    max_t bigint NOT NULL, max_balance text NOT NULL,
    PRIMARY KEY (series, bucket)
  );
  CREATE TABLE day_level (LIKE hour_level INCLUDING ALL);
  CREATE TABLE observation (t bigint PRIMARY KEY);
  CREATE TABLE membership (
    id serial PRIMARY KEY, pool integer NOT NULL, t0 bigint NOT NULL, t1 bigint NOT NULL
  );
  CREATE INDEX membership_t1 ON membership (t1);
  CREATE INDEX membership_pool ON membership (pool, t0);
  CREATE TABLE coverage (id serial PRIMARY KEY, t0 bigint NOT NULL, t1 bigint NOT NULL);
  CREATE INDEX coverage_t1 ON coverage (t1);
  CREATE TABLE index_point (
    asset text NOT NULL, t bigint NOT NULL, index text NOT NULL, PRIMARY KEY (asset, t)
  );
  CREATE TABLE drop_event (
    series integer NOT NULL, t bigint NOT NULL, before text NOT NULL, after text NOT NULL,
    PRIMARY KEY (series, t)
  );
  CREATE INDEX drop_event_t ON drop_event (t);
  `,
  // 2: the exchange's ADL risk ratings, one row per change of a symbol's rating (`t` its
  // updateTime), and each symbol's latest row again in adl_current, read at every recording.
  `
  CREATE TABLE adl_rating (
    symbol text NOT NULL, t bigint NOT NULL, level text NOT NULL, PRIMARY KEY (symbol, t)
  );
  CREATE INDEX adl_rating_t ON adl_rating (t);
  CREATE TABLE adl_current (symbol text PRIMARY KEY, t bigint NOT NULL, level text NOT NULL);
  `,
  // 3: alerts (server/alerts): one row per episode of a rule on a subject, at most one open per
  // pair (the unique index decides which server fires), and the notifications kept until each
  // webhook has taken them (claimed with FOR UPDATE SKIP LOCKED, so one server sends each).
  `
  CREATE TABLE alert_episode (
    id serial PRIMARY KEY, rule text NOT NULL, subject text NOT NULL, kind text NOT NULL,
    pool_name text NOT NULL, symbols text NOT NULL, symbol text, asset text, value text,
    reference text, starts_at bigint NOT NULL, ends_at bigint, summary text NOT NULL,
    end_summary text, url text NOT NULL
  );
  CREATE UNIQUE INDEX alert_episode_open ON alert_episode (rule, subject) WHERE ends_at IS NULL;
  CREATE INDEX alert_episode_starts ON alert_episode (starts_at);
  CREATE TABLE alert_outbox (
    id serial PRIMARY KEY, episode integer NOT NULL REFERENCES alert_episode, status text NOT NULL,
    webhook text NOT NULL, created_at bigint NOT NULL, next_at bigint NOT NULL,
    claimed_until bigint NOT NULL DEFAULT 0, attempts integer NOT NULL DEFAULT 0, sent_at bigint,
    failed_at bigint, last_status integer, last_error text, UNIQUE (episode, status, webhook)
  );
  CREATE INDEX alert_outbox_due ON alert_outbox (next_at) WHERE sent_at IS NULL AND failed_at IS NULL;
  `,
];

/** Advisory lock keys, fixed for this schema: one for migrating, one for every write transaction. */
export const MIGRATE_LOCK = 7_305_141_001;
export const WRITE_LOCK = 7_305_141_002;

export type SchemaState = { kind: 'current' } | { kind: 'newer'; version: number };

/**
 * Brings the database to the latest schema, in one transaction under an advisory lock: two
 * servers starting at once take turns, and the second finds the work done. A database migrated
 * by a newer server is left as it is and reported (this server then only reads).
 */
export async function migrate(client: PoolClient): Promise<SchemaState> {
  // Usually the schema is current: say so without DDL or a lock, which a role that may only
  // read (a backup's export) could not take.
  const found = await client
    .query<{ v: number | null }>('SELECT max(version) AS v FROM schema_migrations')
    .then((r) => r.rows[0]?.v ?? 0)
    .catch((error: { code?: string }) => {
      if (error.code === '42P01') return 0;
      throw error;
    });
  if (found > MIGRATIONS.length) return { kind: 'newer', version: found };
  if (found === MIGRATIONS.length) return { kind: 'current' };
  await client.query('BEGIN ISOLATION LEVEL READ COMMITTED');
  try {
    await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATE_LOCK]);
    await client.query(
      'CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())',
    );
    const { rows } = await client.query<{ v: number | null }>(
      'SELECT max(version) AS v FROM schema_migrations',
    );
    const current = rows[0]?.v ?? 0;
    if (current > MIGRATIONS.length) {
      await client.query('ROLLBACK');
      return { kind: 'newer', version: current };
    }
    for (let v = current; v < MIGRATIONS.length; v += 1) {
      await client.query(MIGRATIONS[v]!);
      await client.query('INSERT INTO schema_migrations (version) VALUES ($1)', [v + 1]);
    }
    await client.query('COMMIT');
    return { kind: 'current' };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}
