import { afterEach, expect, it } from 'vitest';
import { startDemoUpstream, type DemoUpstream } from '../../demo/upstream.ts';
import { answerHistory } from '../history-query.ts';
import { openPostgresAdapter, type PostgresAdapter } from './postgres-adapter.ts';
import { recordTogether } from './test-record-together.ts';
import { describeWithPostgres } from './test-with-postgres.ts';

describeWithPostgres('two servers sharing one PostgreSQL database', (cluster) => {
  let upstream: DemoUpstream | undefined;
  const open: PostgresAdapter[] = [];
  afterEach(async () => {
    for (const s of open.splice(0)) await s.close();
    await upstream?.close();
  });

  it('store every snapshot of the upstream they both record once, and serve the same history', async () => {
    upstream = await startDemoUpstream({ stepMs: 150, pools: 12, symbols: 80 });
    const url = await cluster().createDatabase();
    const [a, b] = [openPostgresAdapter({ url }), openPostgresAdapter({ url })];
    open.push(a, b);
    const run = await recordTogether({
      stores: [a, b],
      upstream: upstream.url,
      rounds: 8,
      pauseMs: 200,
    });

    expect(run.rounds).toBe(8);
    expect(run.stored.length).toBe(new Set(run.stored).size);
    expect(new Set(run.stored)).toEqual(run.seen);
    expect(run.seen.size).toBeGreaterThan(12 * 8);

    const answer = await fetch(`${upstream.url}/fapi/v1/insuranceBalance`).then(
      (r) => r.json() as Promise<{ symbols: string[] }[]>,
    );
    for (const { symbols } of answer) {
      const query = { symbol: symbols[0]!, from: 0, to: Date.now() };
      const fromA = await answerHistory(a, query);
      expect(fromA?.series.length).toBeGreaterThan(0);
      // One interval of coverage and one membership: the two servers' recordings merged, not doubled.
      expect(fromA?.coverage).toHaveLength(1);
      expect(fromA?.pools).toHaveLength(1);
      expect(await answerHistory(b, query)).toEqual(fromA);
    }
  });
});
