import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { HistoryAdapter } from './adapter.ts';
import { createAdlRecorder } from './adl-recorder.ts';
import type { Answer } from './recorder.ts';
import { openSqliteAdapter } from './sqlite/sqlite-adapter.ts';

const dir = mkdtempSync(join(tmpdir(), 'adl-recorder-'));
let n = 0;
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const reply = (status: number, body: unknown): Answer => ({
  status,
  body: typeof body === 'string' ? body : JSON.stringify(body),
  demo: false,
  fetchedAt: 1,
});

describe('the ADL recorder', () => {
  const open: HistoryAdapter[] = [];
  afterEach(async () => {
    for (const s of open.splice(0)) await s.close();
  });
  function setup(answers: Answer[]) {
    const store = openSqliteAdapter({ path: join(dir, `r${(n += 1)}.sqlite`) });
    open.push(store);
    let clock = 1_000;
    const recorder = createAdlRecorder({
      store,
      everyMs: 0,
      now: () => (clock += 1_000),
      adlRisk: async () => answers.shift() ?? reply(500, '{}'),
    });
    return { store, recorder };
  }

  it('costs nothing but the ratings when the upstream has no such path, and says since when', async () => {
    const { store, recorder } = setup([
      reply(404, { code: -5, msg: 'Not found.' }),
      reply(400, { code: -1, msg: 'Bad request.' }),
      reply(200, [{ symbol: 'BTCUSDT', adlRisk: 'low', updateTime: 5 }]),
    ]);
    await recorder.recordOnce();
    const first = recorder.status();
    expect(first.unavailableSince).toBe(2_000);
    expect(first.reason).toBe('the exchange answered 404');
    await recorder.recordOnce();
    expect(recorder.status().unavailableSince).toBe(2_000);
    expect(await store.latestAdl()).toEqual([]);
    await recorder.recordOnce();
    expect(recorder.status()).toMatchObject({ unavailableSince: null, reason: null });
    expect(await store.latestAdl()).toEqual([{ symbol: 'BTCUSDT', level: 'low', updateTime: 5 }]);
  });

  it('stores a word the exchange never documented as unknown, never as a guess', async () => {
    const { store, recorder } = setup([
      reply(200, [
        { symbol: 'AUSDT', adlRisk: 'extreme', updateTime: 5 },
        { symbol: 'BUSDT', adlRisk: 'HIGH', updateTime: 5 },
      ]),
    ]);
    await recorder.recordOnce();
    expect(await store.latestAdl()).toEqual([
      { symbol: 'AUSDT', level: 'unknown', updateTime: 5 },
      { symbol: 'BUSDT', level: 'high', updateTime: 5 },
    ]);
  });

  it('takes an answer that does not fit the documented shape as unavailable', async () => {
    const { store, recorder } = setup([reply(200, { symbols: ['AUSDT'] }), reply(200, 'not json')]);
    await recorder.recordOnce();
    expect(recorder.status().reason).toBe('the answer does not fit the documented shape');
    await recorder.recordOnce();
    expect(recorder.status().unavailableSince).toBe(2_000);
    expect(await store.latestAdl()).toEqual([]);
  });
});
