import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import type { Pool } from '../../src/core/pool-schema.ts';
import type { HistoryAdapter } from './adapter.ts';
import { answerEvents } from './events-query.ts';
import { exportLines } from './export-lines.ts';
import { answerHistory } from './history-query.ts';
import { importLines, parseHistoryFile } from './import-lines.ts';
import { recordSnapshot, type Snapshot } from './record-snapshot.ts';

/** A pool of the upstream's answer: members and `[asset, balance, updateTime]` triples. */
export function pool(symbols: string[], ...assets: [string, string, number][]): Pool {
  return {
    symbols,
    assets: assets.map(([asset, marginBalance, updateTime]) => ({
      asset,
      marginBalance,
      updateTime,
    })),
  };
}

const GAP = 180_000;
export const record = (store: HistoryAdapter, snap: Snapshot) =>
  store.write((tx) => recordSnapshot(tx, snap, GAP));

/** Opens a store with `makeStore` in a test; each one it opened is closed after the test. */
export function storesClosedAfterEach(makeStore: () => Promise<HistoryAdapter>) {
  const open: HistoryAdapter[] = [];
  afterEach(async () => {
    for (const s of open.splice(0)) await s.close();
  });
  return async () => {
    const s = await makeStore();
    open.push(s);
    return s;
  };
}

/**
 * The behaviour every history store must have, written once against the adapter interface:
 * the SQLite adapter runs it, and a PostgreSQL adapter runs the very same suite.
 */
export function runStoreSuite(name: string, makeStore: () => Promise<HistoryAdapter>) {
  describe(`${name} store`, () => {
    const make = storesClosedAfterEach(makeStore);

    it('gives back every balance exactly as the upstream wrote it', async () => {
      const store = await make();
      const balance = fc.oneof(
        fc.stringMatching(/^-?\d{1,30}(\.\d{1,30})?$/),
        fc.constantFrom(
          '0',
          '-0',
          '007',
          '1.50',
          '-0.000',
          '123456789012345678',
          '1234567890123456789',
          '9223372036854775808',
        ),
      );
      const values = fc.sample(fc.array(balance, { minLength: 50, maxLength: 50 }), 1)[0]!;
      for (const [i, v] of values.entries())
        await record(store, {
          observedAt: 1_000_000 + i * 60_000,
          pools: [pool(['AUSDT'], ['USDT', v, 1_000_000 + i * 60_000])],
        });
      const answer = await answerHistory(store, { symbol: 'AUSDT' });
      expect(answer?.series[0]?.points.map((p) => p.balance)).toEqual(values);
    });

    it('stores an unchanged snapshot as coverage only', async () => {
      const store = await make();
      const snap = (t: number) => ({
        observedAt: t,
        pools: [pool(['AUSDT', 'BUSDT'], ['USDT', '10.5', 5_000])],
      });
      await record(store, snap(10_000));
      await record(store, snap(70_000));
      await record(store, snap(130_000));
      const answer = await answerHistory(store, { symbol: 'BUSDT' });
      expect(answer?.series).toEqual([{ asset: 'USDT', points: [{ t: 5_000, balance: '10.5' }] }]);
      expect(answer?.coverage).toEqual([[10_000, 130_000]]);
      expect(answer?.pools).toEqual([{ from: 10_000, to: null, symbols: ['AUSDT', 'BUSDT'] }]);
    });

    it('stores the same answer recorded by two servers once', async () => {
      const store = await make();
      const snap = (t: number) => ({
        observedAt: t,
        pools: [pool(['AUSDT'], ['USDT', '1', 5_000], ['BTC', '2', 5_000])],
      });
      await record(store, snap(10_000));
      await record(store, snap(10_040));
      await record(store, snap(9_990));
      const answer = await answerHistory(store, { symbol: 'AUSDT' });
      expect(answer?.series.map((s) => s.points.length)).toEqual([1, 1]);
      expect(answer?.pools).toEqual([{ from: 9_990, to: null, symbols: ['AUSDT'] }]);
    });

    it('follows a symbol into its new pool and lists both pools', async () => {
      const store = await make();
      const a = ['AUSDT', 'BUSDT'];
      for (let i = 0; i < 5; i += 1)
        await record(store, {
          observedAt: 60_000 * i,
          pools: [pool(a, ['USDT', `${100 - i}`, 60_000 * i]), pool(['CUSDT'], ['USDT', '5', 1])],
        });
      for (let i = 5; i < 10; i += 1)
        await record(store, {
          observedAt: 60_000 * i,
          pools: [
            pool(['AUSDT'], ['USDT', `${90 - i}`, 60_000 * i]),
            pool(['BUSDT', 'CUSDT'], ['USDT', `${500 + i}`, 60_000 * i]),
          ],
        });
      const answer = await answerHistory(store, { symbol: 'BUSDT' });
      expect(answer?.pools).toEqual([
        { from: 0, to: 240_000, symbols: ['AUSDT', 'BUSDT'] },
        { from: 300_000, to: null, symbols: ['BUSDT', 'CUSDT'] },
      ]);
      expect(answer?.series[0]?.points.map((p) => p.balance)).toEqual([
        '100',
        '99',
        '98',
        '97',
        '96',
        '505',
        '506',
        '507',
        '508',
        '509',
      ]);
      const events = await answerEvents(store, { from: 0, to: 600_000, limit: 10 });
      expect(events.events).toContainEqual({
        kind: 'moved',
        at: 300_000,
        symbols: ['BUSDT'],
        pool: ['BUSDT', 'CUSDT'],
        fromPool: ['AUSDT', 'BUSDT'],
      });
      expect(events.events.some((e) => e.kind === 'gone' || e.kind === 'appeared')).toBe(false);
    });

    it('keeps a gap in coverage where no snapshot was received', async () => {
      const store = await make();
      const snap = (t: number) => ({
        observedAt: t,
        pools: [pool(['AUSDT'], ['USDT', String(t), t])],
      });
      for (const t of [0, 60_000, 120_000, 1_000_000, 1_060_000]) await record(store, snap(t));
      const answer = await answerHistory(store, { symbol: 'AUSDT' });
      expect(answer?.coverage).toEqual([
        [0, 120_000],
        [1_000_000, 1_060_000],
      ]);
      expect(answer?.pools).toEqual([{ from: 0, to: null, symbols: ['AUSDT'] }]);
    });

    it('thins a long range to at most N points, each the last of its bucket, whichever level serves it', async () => {
      const store = await make();
      const H = 3_600_000;
      await store.write(async (tx) => {
        for (let i = 0; i < 24 * 12 * 3; i += 1) {
          const t = 472_222 * H + i * 300_000;
          await recordSnapshot(
            tx,
            { observedAt: t, pools: [pool(['AUSDT'], ['USDT', `${1000 + (i % 17)}.5`, t])] },
            GAP,
          );
        }
      });
      const from = 472_222 * H;
      const to = from + 3 * 24 * H - 1;
      const raw = (await answerHistory(store, { symbol: 'AUSDT', from, to }))!.series[0]!.points;
      for (const points of [500, 72, 36, 3]) {
        const answer = (await answerHistory(store, { symbol: 'AUSDT', from, to, points }))!;
        const got = answer.series[0]!.points;
        expect(got.length).toBeLessThanOrEqual(points);
        expect(answer.thinned).toBe(true);
        // Each kept point is the last raw point of its bucket: none later in the same bucket.
        const width = (got[1]?.t ?? to) - (got[0]?.t ?? from);
        for (const p of got) expect(raw).toContainEqual(p);
        expect(width).toBeGreaterThan(0);
      }
      const hourly = (await answerHistory(store, { symbol: 'AUSDT', from, to, points: 72 }))!
        .series[0]!.points;
      expect(hourly).toEqual(
        raw.filter((p, i) => Math.floor(p.t / H) !== Math.floor((raw[i + 1]?.t ?? Infinity) / H)),
      );
    });

    it('imports an export twice and stores it once, gaps and all', async () => {
      const source = await make();
      const snap = (t: number, b: string) => ({
        observedAt: t,
        pools: [pool(['AUSDT'], ['USDT', b, t])],
        index: [{ symbol: 'USDTUSD', index: '0.9998', time: t }],
      });
      for (const [t, b] of [
        [0, '1.10'],
        [60_000, '1.20'],
        [900_000, '1.30'],
      ] as const)
        await record(source, snap(t, b));
      const lines = [];
      for await (const line of exportLines(source)) lines.push(line);
      const target = await make();
      await importLines(target, lines);
      await importLines(target, lines);
      const again = [];
      for await (const line of exportLines(target)) again.push(line);
      expect(again).toEqual(lines);
      const answer = await answerHistory(target, { symbol: 'AUSDT' });
      expect(answer?.coverage).toEqual([
        [0, 60_000],
        [900_000, 900_000],
      ]);
      expect(answer?.index).toEqual([{ asset: 'USDT', points: [{ t: 0, index: '0.9998' }] }]);
    });

    it('refuses a file with a bad line, naming the line, and imports nothing', async () => {
      const good = JSON.stringify({ observedAt: 1, answer: [pool(['AUSDT'], ['USDT', '1', 1])] });
      const bad = JSON.stringify({ observedAt: 2, answer: [pool(['AUSDT'], ['USDT', '1e5', 2])] });
      expect(() => parseHistoryFile([good, good, bad].join('\n'))).toThrow(
        /^line 3: answer\[0\]\.assets\[0\]\.marginBalance: expected a decimal string/,
      );
      expect(() => parseHistoryFile(`${good}\n{oops`)).toThrow(/^line 2: not JSON/);
      const store = await make();
      expect(await store.observationBounds()).toBeNull();
    });

    it("tells one drop per episode: a fall of more than 5 % below the hour's high", async () => {
      const store = await make();
      // Between the two falls, over an hour back at 101.
      const balances = ['100', '101', '95.9', '95', '96', ...Array<string>(13).fill('101'), '90'];
      for (const [i, b] of balances.entries())
        await record(store, {
          observedAt: i * 300_000,
          pools: [pool(['AUSDT'], ['USDT', b, i * 300_000])],
        });
      const { events } = await answerEvents(store, { from: 0, to: 10_000_000, limit: 10 });
      expect(events.filter((e) => e.kind === 'drop')).toEqual([
        {
          kind: 'drop',
          at: 18 * 300_000,
          symbols: ['AUSDT'],
          pool: ['AUSDT'],
          asset: 'USDT',
          before: '101',
          after: '90',
        },
        {
          kind: 'drop',
          at: 2 * 300_000,
          symbols: ['AUSDT'],
          pool: ['AUSDT'],
          asset: 'USDT',
          before: '101',
          after: '95.9',
        },
      ]);
    });
  });
}
