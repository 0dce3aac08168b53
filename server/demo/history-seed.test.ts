import { afterAll, describe, expect, it } from 'vitest';
import { answerEvents } from '../history/events-query.ts';
import { exportLines } from '../history/export-lines.ts';
import { answerHistory } from '../history/history-query.ts';
import { formatUnits, NEW_LISTINGS } from './market.ts';
import { seedDemoHistory } from './history-seed.ts';

const seeded = seedDemoHistory({ days: 3, now: 1_764_633_600_000 });
afterAll(() => seeded.store.close());

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
    expect(seeded.snapshots).toBe(3 * 288 + 1);
  });

  it('has a regrouping, a new pool and drawdowns in it', async () => {
    await seeded.filled;
    const link = await answerHistory(seeded.store, { symbol: 'LINKUSDT' });
    expect(link?.pools).toHaveLength(2);
    expect(link?.pools[1]?.symbols).toContain('1000PEPEUSDT');
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
});
