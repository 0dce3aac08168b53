import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import type { HistoryLine } from '../../src/core/history.ts';
import { momentAnswerSchema, momentRangeSchema } from '../../src/core/moment.ts';
import type { HistoryAdapter } from './adapter.ts';
import { importLines } from './import-lines.ts';
import { historyAnswers } from './routes.ts';
import { answerSnapshot } from './snapshot-query.ts';
import { openSqliteAdapter } from './sqlite/sqlite-adapter.ts';
import { pool } from './test-store-suite.ts';

const dir = mkdtempSync(join(tmpdir(), 'history-snapshot-'));
const T0 = Date.UTC(2026, 10, 1);
const MIN = 60_000;
const H = 3_600_000;
const D = 86_400_000;
let store: HistoryAdapter;
let answers: ReturnType<typeof historyAnswers>;

/**
 * A recording every ten minutes for three days, then a gap of a day, then one more day. The big
 * pool moves every recording; the quiet one changes once a day; on the second day DOGEUSDT
 * leaves the big pool for a pool of its own.
 */
function lines(): HistoryLine[] {
  const out: HistoryLine[] = [];
  let i = 0;
  for (let t = T0; t < T0 + 5 * D; t += 10 * MIN, i += 1) {
    if (t >= T0 + 3 * D && t < T0 + 4 * D) continue;
    const split = t >= T0 + D + 12 * H;
    const big = split ? ['BTCUSDT', 'ETHUSDT'] : ['BTCUSDT', 'DOGEUSDT', 'ETHUSDT'];
    const quietT = T0 + Math.floor((t - T0) / D) * D + 5 * MIN;
    // LTC moves every recording from 12:00 to 14:00 only, up and down, so a day's last is not its high.
    const dayStart = T0 + Math.floor((t - T0) / D) * D;
    const active = t - dayStart >= 12 * H && t - dayStart < 14 * H;
    const lastActive =
      t - dayStart >= 14 * H ? dayStart + 14 * H - 10 * MIN : dayStart - D + 14 * H - 10 * MIN;
    const ltcAt = active ? t : lastActive;
    const ltc = (u: number) =>
      u < T0 ? '400' : `${500 + ((((u - T0) / (10 * MIN)) * 37) % 100)}.5`;
    const answer = [
      pool(
        big,
        ['USDT', `${1000 + i}.${String(i % 100).padStart(2, '0')}`, t - 1000],
        ['BTC', '0.5', T0],
      ),
      pool(['XRPUSDT'], ['USDT', `77.${Math.floor((t - T0) / D)}0`, Math.min(quietT, t)]),
      pool(['LTCUSDT'], ['USDT', ltc(ltcAt), ltcAt < T0 ? T0 : ltcAt - 1000]),
      ...(split ? [pool(['DOGEUSDT'], ['USDT', '5.000', t - 2000])] : []),
    ];
    out.push({
      observedAt: t,
      answer,
      index: [
        { symbol: 'USDTUSD', index: `0.999${i % 10}`, time: t - 500 },
        { symbol: 'BTCUSD', index: `90000.${i}`, time: t - 500 },
      ],
    });
  }
  return out;
}
const recorded = lines();

beforeAll(async () => {
  store = openSqliteAdapter({ path: join(dir, 'h.sqlite') });
  await importLines(store, recorded);
  answers = historyAnswers(store);
});
afterAll(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

const snapshot = async (query: string) => {
  const r = await answers('/api/snapshot', new URLSearchParams(query));
  return r!;
};
const sorted = (pools: { symbols: string[] }[]) =>
  [...pools].sort((a, b) => a.symbols.join().localeCompare(b.symbols.join()));

describe('GET /api/snapshot', () => {
  it('gives back every pool exactly as it was recorded at that moment, whatever its age', async () => {
    for (const line of [recorded[3]!, recorded[200]!, recorded.at(-1)!]) {
      const { status, body } = await snapshot(`at=${line.observedAt}`);
      expect(status).toBe(200);
      const moment = z.parse(momentAnswerSchema, body);
      expect(moment.observedAt).toBe(line.observedAt);
      expect(sorted(moment.answer)).toEqual(sorted(line.answer));
      expect(moment.index).toEqual(
        [...line.index!].sort((a, b) => a.symbol.localeCompare(b.symbol)),
      );
      expect(moment.gap).toBeUndefined();
    }
  });

  it('agrees with the recorded line at every moment, quiet pools read from the levels included', async () => {
    for (let k = 0; k < recorded.length; k += 7) {
      const line = recorded[k]!;
      const moment = z.parse(
        momentAnswerSchema,
        (await snapshot(`at=${line.observedAt + MIN}`)).body,
      );
      expect(sorted(moment.answer), new Date(line.observedAt).toISOString()).toEqual(
        sorted(line.answer),
      );
    }
  });

  it('uses the earlier recording for a moment between two, and reads ISO 8601 as well as ms', async () => {
    const line = recorded[100]!;
    const between = line.observedAt + 4 * MIN + 59_000;
    const iso = new Date(between).toISOString();
    for (const q of [`at=${between}`, `at=${encodeURIComponent(iso)}`]) {
      const moment = z.parse(momentAnswerSchema, (await snapshot(q)).body);
      expect(moment.at).toBe(between);
      expect(moment.observedAt).toBe(line.observedAt);
      expect(sorted(moment.answer)).toEqual(sorted(line.answer));
    }
  });

  it('keeps the memberships of then: the pools before and after a regrouping', async () => {
    const before = z.parse(momentAnswerSchema, (await snapshot(`at=${T0 + D}`)).body);
    const after = z.parse(momentAnswerSchema, (await snapshot(`at=${T0 + 2 * D}`)).body);
    expect(before.answer.map((p) => p.symbols)).toContainEqual(['BTCUSDT', 'DOGEUSDT', 'ETHUSDT']);
    expect(before.answer).toHaveLength(3);
    expect(after.answer.map((p) => p.symbols)).toContainEqual(['DOGEUSDT']);
    expect(after.answer.map((p) => p.symbols)).toContainEqual(['BTCUSDT', 'ETHUSDT']);
  });

  it('says when a moment falls in a gap of coverage, and which recording it used', async () => {
    const inGap = T0 + 3 * D + 6 * H;
    const lastBefore = recorded.filter((l) => l.observedAt <= inGap).at(-1)!;
    const moment = z.parse(momentAnswerSchema, (await snapshot(`at=${inGap}`)).body);
    expect(moment.gap).toBe(true);
    expect(moment.observedAt).toBe(lastBefore.observedAt);
    expect(sorted(moment.answer)).toEqual(sorted(lastBefore.answer));
    const late = z.parse(momentAnswerSchema, (await snapshot(`at=${T0 + 30 * D}`)).body);
    expect(late.gap).toBe(true);
    expect(late.observedAt).toBe(recorded.at(-1)!.observedAt);
    expect(late.range).toEqual({ first: T0, last: recorded.at(-1)!.observedAt });
  });

  it('answers 404 in words before the first recording', async () => {
    const { status, body } = await snapshot(`at=${T0 - 1}`);
    expect(status).toBe(404);
    expect(body).toMatchObject({ code: 404, msg: expect.stringMatching(/first recording/) });
  });

  it('refuses a bad, missing or repeated moment with a 400 in words', async () => {
    for (const q of ['at=yesterday', 'at=2026-12-01T12:00', '', 'at=1&at=2', 'at=1&x=2', 'at=-5']) {
      const { status, body } = await snapshot(q);
      expect(status, q).toBe(400);
      expect(body).toMatchObject({ code: 400, msg: expect.stringMatching(/at|parameter/) });
    }
  });

  it('gives the recorded range and its coverage', async () => {
    const r = await answers('/api/snapshot/range', new URLSearchParams());
    const range = z.parse(momentRangeSchema, r!.body);
    expect(range.first).toBe(T0);
    expect(range.coverage).toHaveLength(2);
    expect(range.coverage[0]![1]).toBe(T0 + 3 * D - 10 * MIN);
  });

  it('stops once its caller has left, and answers when it has not', async () => {
    const left = new AbortController();
    left.abort(new Error('the caller left'));
    await expect(answerSnapshot(store, T0 + 2 * D, left.signal)).rejects.toThrow(/the caller left/);
    const stayed = await answerSnapshot(store, T0 + 2 * D, new AbortController().signal);
    expect(stayed?.observedAt).toBe(T0 + 2 * D);
  });
});
