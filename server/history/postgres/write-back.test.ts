import { afterEach, expect, it } from 'vitest';
import type { HistoryAdapter } from '../adapter.ts';
import { openPostgresAdapter } from './postgres-adapter.ts';
import { describeWithPostgres } from './test-with-postgres.ts';

describeWithPostgres('a PostgreSQL transaction that rewrites the same rows', (cluster) => {
  const open: HistoryAdapter[] = [];
  afterEach(async () => {
    for (const s of open.splice(0)) await s.close();
  });

  for (const limit of [1, 3, 20_000])
    it(`reads its own rewrites as written, kept back ${limit} at a time`, async () => {
      const store = openPostgresAdapter({
        url: await cluster().createDatabase(),
        writeBackLimit: limit,
      });
      open.push(store);
      const seen = await store.write(async (tx) => {
        const { series } = await tx.ensureCatalog({
          pools: [{ key: 'AUSDT', symbols: ['AUSDT'] }],
          series: [{ poolKey: 'AUSDT', asset: 'USDT' }],
        });
        const s = series.get('AUSDT\nUSDT')!;
        const a = await tx.putMembership({ pool: 1, from: 10, to: 10 });
        const b = await tx.putMembership({ pool: 1, from: 50, to: 60 });
        const c = await tx.putCoverage({ from: 10, to: 10 });
        for (let t = 11; t <= 40; t += 1) {
          await tx.putMembership({ id: a, pool: 1, from: 10, to: t });
          await tx.putCoverage({ id: c, from: 10, to: t });
          await tx.putSeriesState([
            {
              id: s,
              inDrop: t % 2 === 0,
              levelsTo: t === 40 ? -3_600_000 : 0,
              hourMax: { bucket: 0, max: `${t}.0`, prevMax: t % 2 ? null : '-0' },
              episodeHigh: t % 2 ? null : { t, balance: `${t}.5` },
            },
          ]);
          const v = { t, balance: `-${t}` };
          await tx.putLevels('hour', [{ series: s, bucket: 0, n: t, last: v, min: v, max: v }]);
          await tx.putLevels('day', [
            { series: s, bucket: t * 86_400_000, n: 1, last: v, min: v, max: v },
          ]);
        }
        await tx.insertPoints([{ series: s, t: 40, balance: '40.0' }]);
        await tx.deleteMemberships([b]);
        await tx.insertObservation(45);
        const open = await tx.putMembership({ pool: 3, from: 30, to: 30 });
        await tx.putMembership({ id: open, pool: 3, from: 30, to: 'open' });
        return {
          overlapping: await tx.membershipsOverlapping(35, 55),
          ofPool: await tx.membershipsOverlapping(0, 100, [2]),
          at: await tx.membershipsAt(40),
          coverage: await tx.coverage(39, 1_000),
          series: await tx.seriesByIds([s]),
          behind: (await tx.seriesBehind(5)).map((r) => r.id),
          hour: await tx.levelRows('hour', [{ series: s, bucket: 0 }]),
          days: (await tx.levels('day', s, 20 * 86_400_000, 22 * 86_400_000)).map((r) => r.n),
        };
      });
      const membership = { id: 1, pool: 1, from: 10, to: 40, open: false };
      const opened = { id: 3, pool: 3, from: 30, to: 45, open: true };
      expect(seen.overlapping).toEqual([membership, opened]);
      expect(seen.ofPool).toEqual([]);
      expect(seen.at).toEqual([membership, opened]);
      expect(seen.coverage).toEqual([{ id: 1, from: 10, to: 40 }]);
      expect(seen.series[0]).toMatchObject({
        last: { t: 40, balance: '40.0' },
        inDrop: true,
        levelsTo: -3_600_000,
        hourMax: { bucket: 0, max: '40.0', prevMax: '-0' },
        episodeHigh: { t: 40, balance: '40.5' },
      });
      // Its levels lag behind the hour of its latest point, by the state waiting here.
      expect(seen.behind).toEqual([1]);
      expect(seen.hour.map((r) => r.n)).toEqual([40]);
      expect(seen.days).toEqual([1, 1, 1]);
      // And committed, the same from outside the transaction.
      expect(await store.membershipsOverlapping(0, 100)).toEqual([membership, opened]);
      expect(await store.membershipsOverlapping(46, 100)).toEqual([]);
      expect(await store.coverage(0, 100)).toEqual([{ id: 1, from: 10, to: 40 }]);
      expect((await store.seriesByIds([1]))[0]).toEqual({ ...seen.series[0], id: 1 });
      expect((await store.seriesBehind(5)).map((r) => r.id)).toEqual([1]);
      expect((await store.levels('hour', 1, 0, 0))[0]?.last).toEqual({ t: 40, balance: '-40' });
      expect(await store.levels('day', 1, 0, Number.MAX_SAFE_INTEGER)).toHaveLength(30);
    });

  it('writes nothing it kept back when the transaction fails', async () => {
    const store = openPostgresAdapter({ url: await cluster().createDatabase() });
    open.push(store);
    const id = await store.write((tx) => tx.putCoverage({ from: 1, to: 1 }));
    await expect(
      store.write(async (tx) => {
        await tx.putCoverage({ id, from: 1, to: 99 });
        throw new Error('stop');
      }),
    ).rejects.toThrow('stop');
    expect(await store.coverage(0, 100)).toEqual([{ id, from: 1, to: 1 }]);
  });
});
