import type { HistoryTx, MembershipRow } from './adapter.ts';

/**
 * A pool's memberships are intervals of observations: the pool was in the recording at `from`,
 * at `to` and in every recording stored between them; an open interval reaches the latest
 * observation. Recording a new observation `t` (with `prev`/`next` the stored observations
 * around it): each present pool whose interval ends at `prev` or starts at `next` has it
 * extended over `t` (both joined when it has both), a pool seen anew gets `[t, t]` (open when
 * `t` is the latest), and an absent pool's interval that spans `t` is cut around it. In the
 * usual case (`t` the newest, pools unchanged) open intervals already reach `t` and nothing is
 * written. An observation older than the newest is placed by the same rules, so it never
 * corrupts what is stored.
 */
export async function addMemberships(
  tx: HistoryTx,
  t: number,
  present: ReadonlySet<number>,
  around: { prev: number | null; next: number | null },
) {
  const latest = around.next === null;
  const rows = await tx.membershipsOverlapping(around.prev ?? t, around.next ?? t);
  const left = new Map<number, MembershipRow>();
  const right = new Map<number, MembershipRow>();
  const covering = new Set<number>();
  for (const r of rows) {
    if (r.from <= t && t <= r.to) covering.add(r.pool);
    if (r.to === around.prev) left.set(r.pool, r);
    if (r.from === around.next) right.set(r.pool, r);
  }
  for (const pool of present) {
    if (covering.has(pool)) continue;
    const l = left.get(pool);
    const r = right.get(pool);
    if (l?.open && latest) continue; // an open interval reaches the new observation by itself
    if (l && r) {
      await tx.putMembership({ id: l.id, pool, from: l.from, to: r.open ? 'open' : r.to });
      await tx.deleteMemberships([r.id]);
    } else if (l) await tx.putMembership({ id: l.id, pool, from: l.from, to: latest ? 'open' : t });
    else if (r) await tx.putMembership({ id: r.id, pool, from: t, to: r.open ? 'open' : r.to });
    else await tx.putMembership({ pool, from: t, to: latest ? 'open' : t });
  }
  for (const r of rows) {
    if (present.has(r.pool)) continue;
    if (latest && r.open && around.prev !== null && r.from <= around.prev) {
      // Open until now (read after `t` was stored, so reaching `t`), and not in it: it ended at `prev`.
      await tx.putMembership({ id: r.id, pool: r.pool, from: r.from, to: around.prev });
    } else if (r.from < t && t < r.to) {
      // Not in this recording: its interval ends before it and starts again after.
      await tx.putMembership({ id: r.id, pool: r.pool, from: r.from, to: around.prev! });
      await tx.putMembership({ pool: r.pool, from: around.next!, to: r.open ? 'open' : r.to });
    }
  }
}

/** What a transaction keeps of the memberships at the latest observation `at`: the open rows and the closed ones ending there, by pool. */
export interface MembershipCache {
  at: number | null;
  open: Map<number, { id: number; from: number }>;
  closed: Map<number, { id: number; from: number }>;
}

/** Reads the memberships at `at`, the latest stored observation (`null`: none). */
export async function membershipCache(tx: HistoryTx, at: number | null): Promise<MembershipCache> {
  const cache: MembershipCache = { at, open: new Map(), closed: new Map() };
  if (at !== null)
    for (const r of await tx.membershipsAt(at))
      (r.open ? cache.open : cache.closed).set(r.pool, { id: r.id, from: r.from });
  return cache;
}

/**
 * `addMemberships` for an observation `t` newer than every stored one (`cache.at`), from the
 * cache instead of a read: each present pool keeps its open interval, reopens the one ending at
 * `cache.at`, or opens a new one; each open interval of an absent pool ends at `cache.at`.
 */
export async function addLatestMemberships(
  tx: HistoryTx,
  t: number,
  present: ReadonlySet<number>,
  cache: MembershipCache,
) {
  const prev = cache.at;
  for (const pool of present) {
    if (cache.open.has(pool)) continue;
    const l = cache.closed.get(pool);
    if (l) {
      await tx.putMembership({ id: l.id, pool, from: l.from, to: 'open' });
      cache.open.set(pool, l);
    } else
      cache.open.set(pool, { id: await tx.putMembership({ pool, from: t, to: 'open' }), from: t });
  }
  for (const [pool, r] of cache.open) {
    if (present.has(pool) || prev === null || r.from > prev) continue;
    await tx.putMembership({ id: r.id, pool, from: r.from, to: prev });
    cache.open.delete(pool);
  }
  cache.at = t;
  cache.closed = new Map();
}
