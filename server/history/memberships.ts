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
