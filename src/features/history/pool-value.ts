import type { HistoryAnswer, IndexPoint } from '../../core/history';
import { usdOf, type Holding } from '../../core/valuation';
import { membershipAt } from './history-gaps';
import type { TimedValue } from './history-pieces';

/**
 * The pool's estimated value in dollars over time, from the answer alone: at each moment, each
 * balance times the `<ASSET>USD` index recorded beside it (the last at or before that moment),
 * added up exactly, then rounded to the cent. A moment is valued only when every asset of the
 * pool then has a known balance and each asset with a recorded index has one by then; an asset
 * with no recorded index at all is left out and named, never counted at 1.
 */
export interface ValueSeries {
  /** `value` to the cent. */
  points: TimedValue[];
  /** Assets of the series with no recorded index in the range, left out of every value. */
  unvalued: string[];
}

/** The last item at or before `t`, walking forward: `cursor` keeps the position between calls. */
function atOrBefore<T extends { t: number }>(
  items: readonly T[],
  cursor: { i: number },
  t: number,
) {
  while (cursor.i + 1 < items.length && items[cursor.i + 1]!.t <= t) cursor.i += 1;
  const item = items[cursor.i];
  return item && item.t <= t ? item : undefined;
}

/** The index of `asset` at `t` (the last recorded at or before it), for the export's rows. */
export function indexAt(points: readonly IndexPoint[] | undefined, t: number): string | undefined {
  if (!points) return undefined;
  let lo = 0;
  let hi = points.length - 1;
  let found: IndexPoint | undefined;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (points[mid]!.t <= t) {
      found = points[mid];
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found?.index;
}

/** At most `n` points over the range: the last of each equal slice, as the server thins. */
function thin(points: TimedValue[], from: number, to: number, n: number): TimedValue[] {
  if (points.length <= n) return points;
  const w = Math.max(1, Math.ceil((to - from + 1) / n));
  const kept: TimedValue[] = [];
  let bucket = NaN;
  for (const p of points) {
    const b = Math.floor((p.t - from) / w);
    if (b === bucket) kept[kept.length - 1] = p;
    else kept.push(p);
    bucket = b;
  }
  return kept;
}

export function valueSeries(answer: HistoryAnswer, maxPoints: number): ValueSeries {
  const index = new Map((answer.index ?? []).map((x) => [x.asset, x.points]));
  const unvalued = answer.series.map((s) => s.asset).filter((a) => !index.get(a)?.length);
  const memberships = Math.max(1, answer.pools.length);
  const out: TimedValue[] = [];
  for (let m = 0; m < memberships; m += 1) {
    const held = answer.series
      .map((s) => ({
        asset: s.asset,
        points: s.points.filter((p) => membershipAt(answer.pools, p.t) === m),
        index: index.get(s.asset) ?? [],
      }))
      .filter((s) => s.points.length > 0);
    const valued = held.filter((s) => s.index.length > 0);
    if (valued.length === 0) continue;
    const start = Math.max(...held.map((s) => s.points[0]!.t));
    const end = answer.pools[m]?.to ?? answer.to;
    const times = new Set<number>();
    for (const s of held) for (const p of s.points) if (p.t >= start) times.add(p.t);
    for (const s of valued) for (const x of s.index) if (x.t >= start && x.t <= end) times.add(x.t);
    const cursors = held.map(() => ({ balance: { i: 0 }, index: { i: 0 } }));
    for (const t of [...times].sort((a, b) => a - b)) {
      const holdings: Holding[] = [];
      let known = true;
      for (const [k, s] of held.entries()) {
        const balance = atOrBefore(s.points, cursors[k]!.balance, t);
        if (!balance) known = false;
        if (s.index.length === 0 || !balance) continue;
        const x = atOrBefore(s.index, cursors[k]!.index, t);
        if (!x) known = false;
        else holdings.push({ balance: balance.balance, index: x.index });
      }
      if (known) out.push({ t, value: usdOf(holdings) });
    }
  }
  return { points: thin(out, answer.from, answer.to, maxPoints), unvalued };
}
