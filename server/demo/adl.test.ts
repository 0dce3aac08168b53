import { afterAll, describe, expect, it } from 'vitest';
import { parseAdlAnswer } from '../../src/core/adl.ts';
import { answerEvents } from '../history/events-query.ts';
import { demoAdlAnswer } from './adl.ts';
import { seedDemoHistory } from './history-seed.ts';
import { createMarket } from './market.ts';

const NOW = 1_764_633_600_000;
const seeded = seedDemoHistory({ now: NOW, days: 8 });
afterAll(() => seeded.store.close());

describe('the demo’s ADL risk ratings', () => {
  it('answers as the exchange documents it: a few symbols high, most low', () => {
    const symbols = createMarket().flatMap((p) => p.symbols);
    const all = parseAdlAnswer(demoAdlAnswer(symbols, NOW, null))!;
    expect(all).toHaveLength(symbols.length);
    const high = all.filter((r) => r.level === 'high').length;
    const low = all.filter((r) => r.level === 'low').length;
    expect(high).toBeGreaterThan(0);
    expect(high).toBeLessThan(symbols.length / 20);
    expect(low).toBeGreaterThan(symbols.length * 0.9);
    expect(parseAdlAnswer(demoAdlAnswer(symbols, NOW, 'BTCUSDT'))).toHaveLength(1);
    expect(demoAdlAnswer(symbols, NOW, 'NOPEUSDT')).toBeUndefined();
  });

  it('has the generated history rate a symbol high after its pool’s drawdown', async () => {
    await seeded.filled;
    const { events } = await answerEvents(seeded.store, {
      from: seeded.from,
      to: seeded.to,
      limit: 500,
    });
    const drop = events.filter((e) => e.kind === 'drop').at(0)!;
    const raised = events.find(
      (e) =>
        e.kind === 'adl' &&
        e.level === 'high' &&
        e.at > drop.at &&
        e.at - drop.at <= 3_600_000 &&
        drop.pool.includes(e.symbols[0]!),
    );
    expect(raised).toMatchObject({ fromLevel: 'low' });
    // Later it comes down again: the rating moves, it is not stuck.
    const after = events.filter(
      (e) => e.kind === 'adl' && e.symbols[0] === raised!.symbols[0] && e.at > raised!.at,
    );
    expect(after.map((e) => e.level)).toContain('medium');
  }, 60_000);
});
