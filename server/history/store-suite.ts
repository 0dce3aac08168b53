import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import type { Pool } from '../../src/core/pool-schema.ts';
import type { HistoryAdapter } from './adapter.ts';
import { answerHistory } from './history-query.ts';
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

/**
 * The behaviour every history store must have, written once against the adapter interface:
 * the SQLite adapter runs it, and a PostgreSQL adapter runs the very same suite.
 */
export function runStoreSuite(name: string, makeStore: () => Promise<HistoryAdapter>) {
  describe(`${name} store`, () => {
    const open: HistoryAdapter[] = [];
    const make = async () => {
      const s = await makeStore();
      open.push(s);
      return s;
    };
    afterEach(async () => {
      for (const s of open.splice(0)) await s.close();
    });

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
  });
}
