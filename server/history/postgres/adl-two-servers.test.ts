import { afterEach, expect, it } from 'vitest';
import { createAdlRecorder } from '../adl-recorder.ts';
import { openPostgresAdapter, type PostgresAdapter } from './postgres-adapter.ts';
import { describeWithPostgres } from './test-with-postgres.ts';

const H = 1_800_000;
const SYMBOLS = Array.from({ length: 40 }, (_, i) => `S${i}USDT`);
const LEVELS = ['low', 'medium', 'high'] as const;

/**
 * The exchange's answer at round `r`: every symbol rated, a few of them changed each round. The
 * second server reads it a moment later, stamped a millisecond later: the same change, which a
 * key on the time alone would store twice.
 */
function answerAt(r: number, late = 0) {
  return SYMBOLS.map((symbol, i) => ({
    symbol,
    adlRisk: LEVELS[Math.floor((r + i) / 3) % 3]!,
    updateTime: (r + 1) * H + i + late,
  }));
}

describeWithPostgres(
  'two servers recording ADL ratings into one PostgreSQL database',
  (cluster) => {
    const open: PostgresAdapter[] = [];
    afterEach(async () => {
      for (const s of open.splice(0)) await s.close();
    });

    it('store each change of a rating once, whichever records it first', async () => {
      const url = await cluster().createDatabase();
      const stores = [openPostgresAdapter({ url }), openPostgresAdapter({ url })];
      open.push(...stores);
      let round = 0;
      const recorders = stores.map((store, server) =>
        createAdlRecorder({
          store,
          everyMs: 0,
          adlRisk: async () => ({
            status: 200,
            body: JSON.stringify(answerAt(round, server)),
            demo: false,
            fetchedAt: Date.now(),
          }),
        }),
      );
      const expected = new Map<string, string>();
      let changes = 0;
      for (round = 0; round < 9; round += 1) {
        for (const r of answerAt(round))
          if (expected.get(r.symbol) !== r.adlRisk) {
            expected.set(r.symbol, r.adlRisk);
            changes += 1;
          }
        await Promise.all(recorders.map((r) => r.recordOnce()));
      }
      const stored = await stores[0]!.adlChanges(0, Number.MAX_SAFE_INTEGER);
      expect(stored).toHaveLength(changes);
      expect(new Set(stored.map((r) => `${r.symbol}@${r.updateTime}`)).size).toBe(changes);
      // Never the same level twice in a row for a symbol: a change, or nothing.
      for (const symbol of SYMBOLS) {
        const levels = stored.filter((r) => r.symbol === symbol).map((r) => r.level);
        expect(levels.every((l, i) => i === 0 || l !== levels[i - 1])).toBe(true);
      }
      expect(await stores[1]!.latestAdl()).toEqual(await stores[0]!.latestAdl());
      expect(new Map((await stores[0]!.latestAdl()).map((r) => [r.symbol, r.level]))).toEqual(
        expected,
      );
    });
  },
);
