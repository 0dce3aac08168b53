/**
 * The schema, as a list of migrations applied in order; `PRAGMA user_version` counts those
 * applied. A migration is never edited once released: a change of schema is a new entry.
 *
 * Compactness: points and levels are WITHOUT ROWID tables keyed by (series, t) or (series,
 * bucket), so a row is stored once, in key order; a balance is an INTEGER of its digits with a
 * scale where that round-trips exactly (balance-codec.ts); bucket columns hold the bucket's
 * number (start / width), a few bytes instead of a time's six. Columns named `b`/`s` hold an
 * encoded balance and its scale; `t` a time in ms. `series.hb` is the hour (start) of
 * `hourMax`, `hx*` its max and `px*` the hour before's, `e*` the episode's high; a membership row that is open has
 * `t1 = OPEN_END`.
 */
export const OPEN_END = Number.MAX_SAFE_INTEGER;
export const MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE symbol (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE);
  CREATE TABLE asset (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE);
  CREATE TABLE pool (id INTEGER PRIMARY KEY, key TEXT NOT NULL UNIQUE);
  CREATE TABLE pool_member (
    pool INTEGER NOT NULL, symbol INTEGER NOT NULL, PRIMARY KEY (pool, symbol)
  ) WITHOUT ROWID;
  CREATE INDEX pool_member_symbol ON pool_member (symbol);
  CREATE TABLE series (
    id INTEGER PRIMARY KEY, pool INTEGER NOT NULL, asset INTEGER NOT NULL,
    in_drop INTEGER NOT NULL DEFAULT 0,
    levels_to INTEGER, hb INTEGER, hxb, hxs INTEGER, pxb, pxs INTEGER, et INTEGER, eb, es INTEGER,
    UNIQUE (pool, asset)
  );
  CREATE TABLE point (
    series INTEGER NOT NULL, t INTEGER NOT NULL, b NOT NULL, s INTEGER, PRIMARY KEY (series, t)
  ) WITHOUT ROWID;
  CREATE TABLE hour_level (
    series INTEGER NOT NULL, bucket INTEGER NOT NULL, n INTEGER NOT NULL,
    lt INTEGER NOT NULL, lb NOT NULL, ls INTEGER,
    nt INTEGER NOT NULL, nb NOT NULL, ns INTEGER,
    xt INTEGER NOT NULL, xb NOT NULL, xs INTEGER,
    PRIMARY KEY (series, bucket)
  ) WITHOUT ROWID;
  CREATE TABLE day_level (
    series INTEGER NOT NULL, bucket INTEGER NOT NULL, n INTEGER NOT NULL,
    lt INTEGER NOT NULL, lb NOT NULL, ls INTEGER,
    nt INTEGER NOT NULL, nb NOT NULL, ns INTEGER,
    xt INTEGER NOT NULL, xb NOT NULL, xs INTEGER,
    PRIMARY KEY (series, bucket)
  ) WITHOUT ROWID;
  CREATE TABLE observation (t INTEGER PRIMARY KEY);
  CREATE TABLE membership (id INTEGER PRIMARY KEY, pool INTEGER NOT NULL, t0 INTEGER NOT NULL, t1 INTEGER NOT NULL);
  CREATE INDEX membership_t1 ON membership (t1);
  CREATE INDEX membership_pool ON membership (pool, t0);
  CREATE TABLE coverage (id INTEGER PRIMARY KEY, t0 INTEGER NOT NULL, t1 INTEGER NOT NULL);
  CREATE INDEX coverage_t1 ON coverage (t1);
  CREATE TABLE index_point (
    asset INTEGER NOT NULL, t INTEGER NOT NULL, b NOT NULL, s INTEGER, PRIMARY KEY (asset, t)
  ) WITHOUT ROWID;
  CREATE TABLE drop_event (
    series INTEGER NOT NULL, t INTEGER NOT NULL, bb NOT NULL, bs INTEGER, ab NOT NULL, as_ INTEGER,
    PRIMARY KEY (series, t)
  ) WITHOUT ROWID;
  CREATE INDEX drop_event_t ON drop_event (t);
  `,
  // 2: the exchange's ADL risk ratings, one row per change of a symbol's rating (`t` its
  // updateTime), and each symbol's latest row again in adl_current, read at every recording.
  `
  CREATE TABLE adl_rating (
    symbol TEXT NOT NULL, t INTEGER NOT NULL, level TEXT NOT NULL, PRIMARY KEY (symbol, t)
  ) WITHOUT ROWID;
  CREATE INDEX adl_rating_t ON adl_rating (t);
  CREATE TABLE adl_current (symbol TEXT PRIMARY KEY, t INTEGER NOT NULL, level TEXT NOT NULL)
    WITHOUT ROWID;
  `,
  // 3: alerts (server/alerts): one row per episode of a rule on a subject, at most one open per
  // pair, and the notifications kept until each webhook has taken them.
  `
  CREATE TABLE alert_episode (
    id INTEGER PRIMARY KEY, rule TEXT NOT NULL, subject TEXT NOT NULL, kind TEXT NOT NULL,
    pool_name TEXT NOT NULL, symbols TEXT NOT NULL, symbol TEXT, asset TEXT, value TEXT,
    reference TEXT, starts_at INTEGER NOT NULL, ends_at INTEGER, summary TEXT NOT NULL,
    end_summary TEXT, url TEXT NOT NULL
  );
  CREATE UNIQUE INDEX alert_episode_open ON alert_episode (rule, subject) WHERE ends_at IS NULL;
  CREATE INDEX alert_episode_starts ON alert_episode (starts_at);
  CREATE TABLE alert_outbox (
    id INTEGER PRIMARY KEY, episode INTEGER NOT NULL, status TEXT NOT NULL, webhook TEXT NOT NULL,
    created_at INTEGER NOT NULL, next_at INTEGER NOT NULL, claimed_until INTEGER NOT NULL DEFAULT 0,
    attempts INTEGER NOT NULL DEFAULT 0, sent_at INTEGER, failed_at INTEGER, last_status INTEGER,
    last_error TEXT, UNIQUE (episode, status, webhook)
  );
  CREATE INDEX alert_outbox_due ON alert_outbox (next_at) WHERE sent_at IS NULL AND failed_at IS NULL;
  `,
];
