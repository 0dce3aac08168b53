import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHANGE_WINDOWS } from '../../src/core/history.ts';
import { answerEvents } from '../history/events-query.ts';
import { exportLines } from '../history/export-lines.ts';
import { answerHistory } from '../history/history-query.ts';
import { answerOverview } from '../history/overview-query.ts';
import { formatUnits, NEW_LISTINGS } from './market.ts';
import { LATE_MOVE, LINK_MOVE, seedDemoHistory } from './history-seed.ts';

/** The demo's month as `npm run demo` generates it: 30 days, a snapshot every 5 minutes. */
const seeded = seedDemoHistory({ now: 1_764_633_600_000 });
// Generating the month takes a few seconds, more on a busy machine: it is the suite's setup, not
// what a test checks, so it gets a setup's time.
beforeAll(() => seeded.filled, 60_000);
afterAll(() => seeded.store.close());

const DAY = CHANGE_WINDOWS['24h'];
const WEEK = CHANGE_WINDOWS['7d'];
const HOUR = CHANGE_WINDOWS['1h'];

describe('the demo history', () => {
  it('ends at the market the live demo goes on from', async () => {
    await seeded.filled;
    let last;
    for await (const line of exportLines(seeded.store, seeded.to, seeded.to)) last = line;
    const byPool = (list: { symbols: string[]; balances: string[] }[]) =>
      Object.fromEntries(list.map((p) => [[...p.symbols].sort().join(','), p.balances]));
    const recorded = (last?.answer ?? []).map((p) => ({
      symbols: p.symbols,
      balances: p.assets.map((a) => a.marginBalance),
    }));
    const live = seeded.market.map((p) => ({
      symbols: p.symbols,
      balances: p.assets.map((a) => formatUnits(a.units, a.decimals)),
    }));
    expect(byPool(recorded)).toEqual(byPool(live));
    expect(seeded.snapshots).toBe(30 * 288 + 1);
  });

  it('has a regrouping, a new pool and drawdowns in it', async () => {
    await seeded.filled;
    const link = await answerHistory(seeded.store, { symbol: LINK_MOVE.symbol });
    expect(link?.pools).toHaveLength(2);
    expect(link?.pools[1]?.symbols).toContain(LINK_MOVE.into);
    // the month's move is older than the overview's week
    expect(seeded.to - link!.pools[1]!.from).toBeGreaterThan(WEEK);
    const { events } = await answerEvents(seeded.store, {
      from: seeded.from,
      to: seeded.to,
      limit: 100,
    });
    const kinds = events.map((e) => e.kind);
    expect(kinds).toContain('moved');
    expect(events).toContainEqual(
      expect.objectContaining({ kind: 'appeared', pool: NEW_LISTINGS }),
    );
    expect(kinds.filter((k) => k === 'drop').length).toBeGreaterThanOrEqual(3);
  });

  it('moves a symbol between pools within the last day, the pools’ balances going on unbroken', async () => {
    await seeded.filled;
    const { symbol, into } = LATE_MOVE;
    const moved = await answerHistory(seeded.store, { symbol });
    expect(moved?.pools).toHaveLength(2);
    const [before, after] = moved!.pools;
    const at = after!.from;
    expect(seeded.to - at).toBeLessThan(DAY);
    expect(seeded.to - at).toBeGreaterThan(HOUR);
    expect(after!.symbols).toContain(into);
    expect(before!.symbols).not.toContain(into);
    const stayed = before!.symbols.find((s) => s !== symbol)!;
    // Each pool's own balance crosses the move as a walk step, not a jump.
    for (const member of [stayed, into]) {
      const history = await answerHistory(seeded.store, { symbol: member });
      const points = history!.series[0]!.points;
      const last = points.findLast((p) => p.t < at)!;
      const next = points.find((p) => p.t >= at)!;
      expect(Math.abs(Number(next.balance) / Number(last.balance) - 1), member).toBeLessThan(0.005);
    }
  });

  it('reports the day’s move among the last week’s events and in the overview, and only it', async () => {
    await seeded.filled;
    const { symbol, into } = LATE_MOVE;
    const week = await answerEvents(seeded.store, {
      from: seeded.to - WEEK,
      to: seeded.to,
      limit: 200,
    });
    const moves = week.events.filter((e) => e.kind === 'moved');
    expect(moves).toHaveLength(1);
    expect(moves[0]).toMatchObject({ symbols: [symbol] });
    expect(moves[0]!.pool).toContain(into);
    expect(moves[0]!.fromPool).toContain(symbol);
    expect(seeded.to - moves[0]!.at).toBeLessThan(DAY);
    const stayed = moves[0]!.fromPool!.find((s) => s !== symbol)!;

    const overview = await answerOverview(seeded.store, 24);
    const marked = (w: keyof typeof CHANGE_WINDOWS) =>
      overview.pools.filter((p) => p.regrouped[w]).map((p) => p.key);
    const donor = overview.pools.find((p) => p.symbols.includes(stayed))!;
    const receiver = overview.pools.find((p) => p.symbols.includes(symbol))!;
    expect(donor.symbols).not.toContain(symbol);
    expect(receiver.symbols).toContain(into);
    const both = [donor.key, receiver.key].sort();
    expect(marked('24h').sort()).toEqual(both);
    expect(marked('7d').sort()).toEqual(both);
    expect(marked('1h')).toEqual([]);
  });
});
