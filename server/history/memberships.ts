import type { HistoryTx, MembershipRow } from './adapter.ts';

/**
 * A pool's memberships are intervals of observations: the pool was in the recording at `from`,
 * at `to` and in every recording stored between them. Recording a new observation `t` (with
 * `prev`/`next` the stored observations around it) extends the interval of each present pool
 * that ends at `prev` or starts at `next` (joining both when it has both), opens `[t, t]` for a
 * pool seen anew, and splits the interval of an absent pool that spans `t`. In the usual case
 * (`t` newer than everything) that is one query and one update per pool. An observation older
 * than the newest stored one is placed by the same rules, so it never corrupts what is stored.
 */
export async function addMemberships(
  tx: HistoryTx,
  t: number,
  present: ReadonlySet<number>,
  around: { prev: number | null; next: number | null },
) {
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
    if (l && r) {
      await tx.putMembership({ id: l.id, pool, from: l.from, to: r.to });
      await tx.deleteMemberships([r.id]);
    } else if (l) await tx.putMembership({ id: l.id, pool, from: l.from, to: t });
    else if (r) await tx.putMembership({ id: r.id, pool, from: t, to: r.to });
    else await tx.putMembership({ pool, from: t, to: t });
  }
  for (const r of rows) {
    if (present.has(r.pool) || !(r.from < t && t < r.to)) continue;
    // The pool was not in this recording: its interval ends before it and starts again after.
    await tx.putMembership({ id: r.id, pool: r.pool, from: r.from, to: around.prev! });
    await tx.putMembership({ pool: r.pool, from: around.next!, to: r.to });
  }
}
