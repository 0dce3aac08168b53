import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { AdlRating } from '../../src/core/adl.ts';
import type { HistoryAdapter } from './adapter.ts';
import { answerAdl, NOT_RECORDING } from './adl-query.ts';
import { answerEvents } from './events-query.ts';
import { exportLines } from './export-lines.ts';
import { importLines, parseHistoryFile } from './import-lines.ts';
import { openPostgresAdapter } from './postgres/postgres-adapter.ts';
import { describeWithPostgres } from './postgres/test-with-postgres.ts';
import { recordAdl } from './record-adl.ts';
import { openSqliteAdapter } from './sqlite/sqlite-adapter.ts';
import { pool, record, storesClosedAfterEach } from './test-store-suite.ts';

const rating = (symbol: string, level: AdlRating['level'], updateTime: number): AdlRating => ({
  symbol,
  level,
  updateTime,
});
const H = 1_800_000;

/** The ADL ratings' part of a store: the same behaviour from SQLite and PostgreSQL. */
function adlSuite(name: string, makeStore: () => Promise<HistoryAdapter>) {
  describe(`ADL ratings in the ${name} store`, () => {
    const make = storesClosedAfterEach(makeStore);
    const put = (store: HistoryAdapter, ratings: AdlRating[]) =>
      store.write((tx) => recordAdl(tx, ratings));

    it('stores a rating once when it changes, not again while it holds', async () => {
      const store = await make();
      expect(
        await put(store, [rating('BTCUSDT', 'low', H), rating('ETHUSDT', 'low', H)]),
      ).toHaveLength(2);
      // The next update of the exchange, the same ratings: nothing new.
      expect(
        await put(store, [rating('BTCUSDT', 'low', 2 * H), rating('ETHUSDT', 'low', 2 * H)]),
      ).toEqual([]);
      // The same answer again (a second server, a second look): nothing new.
      expect(await put(store, [rating('ETHUSDT', 'high', 3 * H)])).toHaveLength(1);
      expect(await put(store, [rating('ETHUSDT', 'high', 3 * H)])).toEqual([]);
      expect(await store.latestAdl()).toEqual([
        rating('BTCUSDT', 'low', H),
        rating('ETHUSDT', 'high', 3 * H),
      ]);
      expect(await store.adlChanges(0, 10 * H, { symbol: 'ETHUSDT' })).toEqual([
        rating('ETHUSDT', 'low', H),
        rating('ETHUSDT', 'high', 3 * H),
      ]);
      expect(await store.adlChanges(2 * H, 10 * H)).toEqual([rating('ETHUSDT', 'high', 3 * H)]);
      expect(await store.adlChanges(0, 10 * H, { limit: 1 })).toEqual([
        rating('ETHUSDT', 'high', 3 * H),
      ]);
    });

    it('keeps a word the exchange did not document as unknown, and a later rating as a change', async () => {
      const store = await make();
      await put(store, [rating('XUSDT', 'unknown', H)]);
      await put(store, [rating('XUSDT', 'medium', 2 * H)]);
      expect(await store.adlChanges(0, 3 * H, { symbol: 'XUSDT' })).toEqual([
        rating('XUSDT', 'unknown', H),
        rating('XUSDT', 'medium', 2 * H),
      ]);
    });

    it('judges an earlier rating (an older file imported later) against the one before it', async () => {
      const store = await make();
      await put(store, [rating('AUSDT', 'low', H), rating('AUSDT', 'high', 5 * H)]);
      await put(store, [rating('AUSDT', 'low', 2 * H), rating('AUSDT', 'medium', 3 * H)]);
      expect((await store.adlChanges(0, 9 * H, { symbol: 'AUSDT' })).map((r) => r.level)).toEqual([
        'low',
        'medium',
        'high',
      ]);
      expect(await store.latestAdl()).toEqual([rating('AUSDT', 'high', 5 * H)]);
    });

    it('answers /api/adl with every rating and a symbol’s changes, the first the one it entered with', async () => {
      const store = await make();
      await put(store, [rating('BTCUSDT', 'low', H), rating('ETHUSDT', 'medium', H)]);
      await put(store, [rating('BTCUSDT', 'high', 4 * H)]);
      const all = await answerAdl(store, new URLSearchParams(), NOT_RECORDING, 10 * H);
      expect(all.ratings.map((r) => [r.symbol, r.adlRisk])).toEqual([
        ['BTCUSDT', 'high'],
        ['ETHUSDT', 'medium'],
      ]);
      const one = await answerAdl(
        store,
        new URLSearchParams({ symbol: 'btcusdt', from: String(2 * H), to: String(9 * H) }),
        NOT_RECORDING,
        10 * H,
      );
      expect(one.changes?.map((r) => [r.adlRisk, r.updateTime])).toEqual([
        ['low', H],
        ['high', 4 * H],
      ]);
    });

    it('lists a change of rating as an adl event, naming the symbol’s pool', async () => {
      const store = await make();
      const t = 100 * H;
      await record(store, { observedAt: t, pools: [pool(['AUSDT', 'BUSDT'], ['USDT', '10', t])] });
      await put(store, [rating('AUSDT', 'low', t - H), rating('BUSDT', 'low', t - H)]);
      await put(store, [rating('AUSDT', 'high', t + H)]);
      const { events } = await answerEvents(store, { from: 0, to: t + 2 * H, limit: 50 });
      const adl = events.filter((e) => e.kind === 'adl');
      expect(adl).toEqual([
        {
          kind: 'adl',
          at: t + H,
          symbols: ['AUSDT'],
          pool: ['AUSDT', 'BUSDT'],
          level: 'high',
          fromLevel: 'low',
        },
      ]);
    });

    it('exports the ratings on the history lines and imports them back, twice adding nothing', async () => {
      const a = await make();
      const t0 = 1_000 * H;
      for (let i = 0; i < 4; i += 1)
        await record(a, {
          observedAt: t0 + i * 60_000,
          pools: [pool(['AUSDT'], ['USDT', String(10 + i), t0 + i * 60_000])],
        });
      await put(a, [rating('AUSDT', 'low', t0 - H)]);
      await put(a, [rating('AUSDT', 'high', t0 + 90_000)]);
      await put(a, [rating('AUSDT', 'medium', t0 + 10 * H)]);
      const lines = [];
      for await (const line of exportLines(a)) lines.push(line);
      expect(lines.map((l) => l.adl?.map((r) => r.adlRisk) ?? [])).toEqual([
        ['low'],
        [],
        ['high'],
        ['medium'],
      ]);
      const text = lines.map((l) => JSON.stringify(l)).join('\n');
      const b = await make();
      await importLines(b, parseHistoryFile(text));
      await importLines(b, parseHistoryFile(text));
      expect(await b.adlChanges(0, Number.MAX_SAFE_INTEGER)).toEqual(
        await a.adlChanges(0, Number.MAX_SAFE_INTEGER),
      );
      // A line without `adl`, as older files have, stays valid.
      expect(parseHistoryFile(JSON.stringify({ observedAt: 1, answer: [] }))).toHaveLength(1);
    });
  });
}

const dir = mkdtempSync(join(tmpdir(), 'history-adl-'));
let n = 0;
afterAll(() => rmSync(dir, { recursive: true, force: true }));
adlSuite('SQLite', async () => openSqliteAdapter({ path: join(dir, `a${(n += 1)}.sqlite`) }));

describeWithPostgres('ADL ratings on PostgreSQL', (cluster) => {
  adlSuite('PostgreSQL', async () =>
    openPostgresAdapter({ url: await cluster().createDatabase() }),
  );
});
