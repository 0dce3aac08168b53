/**
 * Where the alerts keep their state: the episodes (one per rule and subject while its condition
 * holds, so nothing fires twice for one episode, across restarts or servers) and the outbox of
 * notifications (kept until each webhook took them). One implementation over both stores: the
 * statements are written once with numbered parameters (`?1`), which SQLite reads as they are and
 * PostgreSQL as `$1`. The database decides who fires, resolves and sends: an insert that finds an
 * open episode does nothing, an update finds an ended one already ended, and PostgreSQL hands each
 * due notification to one server (`FOR UPDATE SKIP LOCKED`).
 */

export type Row = Record<string, unknown>;
export type Run = (sql: string, params?: readonly unknown[]) => Promise<Row[]>;

export interface AlertDialect {
  run: Run;
  /** Runs `fn` in one transaction of its own. */
  transaction<T>(fn: (run: Run) => Promise<T>): Promise<T>;
  /** PostgreSQL: several servers claim the outbox at once. */
  skipLocked: boolean;
}

export interface EpisodeInput {
  rule: string;
  /** What the rule found the condition on: a pool and asset, a symbol, or `*`. */
  subject: string;
  kind: string;
  poolName: string;
  symbols: string[];
  symbol: string | null;
  asset: string | null;
  value: string | null;
  reference: string | null;
  startsAt: number;
  summary: string;
  url: string;
}

export interface Episode extends EpisodeInput {
  id: number;
  endsAt: number | null;
  endSummary: string | null;
}

export type Delivery = 'sent' | 'pending' | 'failed' | 'none';

export interface Notification {
  id: number;
  status: 'firing' | 'resolved';
  webhook: string;
  attempts: number;
  createdAt: number;
  episode: Episode;
}

export interface AlertStore {
  /** The episodes still open. */
  open(): Promise<Episode[]>;
  /** Opens an episode and queues its notifications; `null` when one was open already (nothing queued). */
  fire(e: EpisodeInput, webhooks: readonly string[], now: number): Promise<number | null>;
  /** Ends an open episode and queues its notifications; `false` when it had ended already. */
  resolve(
    id: number,
    endsAt: number,
    endSummary: string,
    webhooks: readonly string[],
    now: number,
  ): Promise<boolean>;
  /** Up to `limit` notifications due at `now`, each claimed for `leaseMs` (no other sender takes it meanwhile). */
  claim(now: number, leaseMs: number, limit: number): Promise<Notification[]>;
  sent(id: number, at: number, status: number): Promise<void>;
  /** A failed attempt: tried again at `nextAt`, or given up when `nextAt` is `null`. */
  failed(
    id: number,
    at: number,
    nextAt: number | null,
    status: number | null,
    error: string,
  ): Promise<void>;
  /** Episodes that started since `since` or are still open, newest first, with their delivery state. */
  recent(since: number, limit: number): Promise<(Episode & { delivery: Delivery })[]>;
}

const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));
const str = (v: unknown) => (v === null || v === undefined ? null : String(v));

function episodeOf(r: Row): Episode {
  return {
    id: Number(r.id),
    rule: String(r.rule),
    subject: String(r.subject),
    kind: String(r.kind),
    poolName: String(r.pool_name),
    symbols: JSON.parse(String(r.symbols)) as string[],
    symbol: str(r.symbol),
    asset: str(r.asset),
    value: str(r.value),
    reference: str(r.reference),
    startsAt: Number(r.starts_at),
    endsAt: num(r.ends_at),
    summary: String(r.summary),
    endSummary: str(r.end_summary),
    url: String(r.url),
  };
}

const EPISODE = 'SELECT * FROM alert_episode';

async function queue(
  run: Run,
  episode: number,
  status: string,
  webhooks: readonly string[],
  now: number,
) {
  for (const w of webhooks)
    await run(
      'INSERT INTO alert_outbox (episode, status, webhook, created_at, next_at) VALUES (?1, ?2, ?3, ?4, ?4) ON CONFLICT DO NOTHING',
      [episode, status, w, now],
    );
}

export function alertStore(d: AlertDialect): AlertStore {
  const { run } = d;
  return {
    async open() {
      return (await run(`${EPISODE} WHERE ends_at IS NULL ORDER BY id`)).map(episodeOf);
    },
    fire(e, webhooks, now) {
      return d.transaction(async (tx) => {
        const rows = await tx(
          `INSERT INTO alert_episode (rule, subject, kind, pool_name, symbols, symbol, asset, value, reference, starts_at, summary, url)
           VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12) ON CONFLICT DO NOTHING RETURNING id`,
          [
            e.rule,
            e.subject,
            e.kind,
            e.poolName,
            JSON.stringify(e.symbols),
            e.symbol,
            e.asset,
            e.value,
            e.reference,
            e.startsAt,
            e.summary,
            e.url,
          ],
        );
        if (rows.length === 0) return null;
        const id = Number(rows[0]!.id);
        await queue(tx, id, 'firing', webhooks, now);
        return id;
      });
    },
    resolve(id, endsAt, endSummary, webhooks, now) {
      return d.transaction(async (tx) => {
        const rows = await tx(
          'UPDATE alert_episode SET ends_at = ?1, end_summary = ?2 WHERE id = ?3 AND ends_at IS NULL RETURNING id',
          [endsAt, endSummary, id],
        );
        if (rows.length === 0) return false;
        await queue(tx, id, 'resolved', webhooks, now);
        return true;
      });
    },
    async claim(now, leaseMs, limit) {
      const rows = await run(
        `UPDATE alert_outbox SET claimed_until = ?1, attempts = attempts + 1 WHERE id IN (
           SELECT id FROM alert_outbox
           WHERE sent_at IS NULL AND failed_at IS NULL AND next_at <= ?2 AND claimed_until <= ?2
           ORDER BY id LIMIT ?3${d.skipLocked ? ' FOR UPDATE SKIP LOCKED' : ''}
         ) RETURNING id, episode, status, webhook, attempts, created_at`,
        [now + leaseMs, now, limit],
      );
      const episodes = new Map<number, Episode>();
      for (const r of rows) {
        const id = Number(r.episode);
        if (episodes.has(id)) continue;
        const [e] = await run(`${EPISODE} WHERE id = ?1`, [id]);
        if (e) episodes.set(id, episodeOf(e));
      }
      return rows
        .filter((r) => episodes.has(Number(r.episode)))
        .sort((a, b) => Number(a.id) - Number(b.id))
        .map((r) => ({
          id: Number(r.id),
          status: r.status === 'resolved' ? 'resolved' : 'firing',
          webhook: String(r.webhook),
          attempts: Number(r.attempts),
          createdAt: Number(r.created_at),
          episode: episodes.get(Number(r.episode))!,
        }));
    },
    async sent(id, at, status) {
      await run(
        'UPDATE alert_outbox SET sent_at = ?1, last_status = ?2, last_error = NULL WHERE id = ?3',
        [at, status, id],
      );
    },
    async failed(id, at, nextAt, status, error) {
      await run(
        'UPDATE alert_outbox SET next_at = ?1, failed_at = ?2, last_status = ?3, last_error = ?4, claimed_until = 0 WHERE id = ?5',
        [nextAt ?? at, nextAt === null ? at : null, status, error.slice(0, 300), id],
      );
    },
    async recent(since, limit) {
      const rows = await run(
        `${EPISODE} WHERE starts_at >= ?1 OR ends_at IS NULL ORDER BY starts_at DESC, id DESC LIMIT ?2`,
        [since, limit],
      );
      const counts = await run(
        `SELECT episode, count(*) AS n, count(sent_at) AS sent, count(failed_at) AS failed
         FROM alert_outbox WHERE episode IN (SELECT id FROM alert_episode WHERE starts_at >= ?1 OR ends_at IS NULL)
         GROUP BY episode`,
        [since],
      );
      const by = new Map(counts.map((c) => [Number(c.episode), c]));
      return rows.map((r) => {
        const e = episodeOf(r);
        const c = by.get(e.id);
        const delivery: Delivery = !c
          ? 'none'
          : Number(c.failed) > 0
            ? 'failed'
            : Number(c.sent) === Number(c.n)
              ? 'sent'
              : 'pending';
        return { ...e, delivery };
      });
    },
  };
}
