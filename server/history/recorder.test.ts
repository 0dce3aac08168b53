import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { answerHistory } from './history-query.ts';
import { createRecorder, type Answer } from './recorder.ts';
import { openSqliteAdapter } from './sqlite/sqlite-adapter.ts';
import { pool } from './test-store-suite.ts';

const dir = mkdtempSync(join(tmpdir(), 'history-recorder-'));
let n = 0;
const open = () => openSqliteAdapter({ path: join(dir, `r${(n += 1)}.sqlite`) });
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const ok = (t: number, body: unknown): Answer => ({
  status: 200,
  body: JSON.stringify(body),
  demo: false,
  fetchedAt: t,
});

describe('the recorder', () => {
  it('records what the proxy answered, with the asset index used', async () => {
    const store = open();
    const recorder = createRecorder({
      store,
      everyMs: 60_000,
      poolList: async () => ok(1_000, [pool(['AUSDT'], ['USDT', '12.5', 900])]),
      assetIndex: async () =>
        ok(1_000, [{ symbol: 'USDTUSD', index: '0.99980000', time: 950, bidBuffer: '0.05' }]),
    });
    await recorder.recordOnce();
    expect(recorder.status()).toMatchObject({
      lastRecordingAt: 1_000,
      lastError: null,
      store: { state: 'ok', role: 'writer' },
    });
    const answer = await answerHistory(store, { symbol: 'AUSDT' });
    expect(answer?.series[0]?.points).toEqual([{ t: 900, balance: '12.5' }]);
    expect(answer?.index).toEqual([{ asset: 'USDT', points: [{ t: 950, index: '0.99980000' }] }]);
    await store.close();
  });

  it.each([
    [
      'an error status',
      { status: 502, body: '{"code":-1,"msg":"down"}', demo: false, fetchedAt: 1 },
      /answered 502/,
    ],
    ['an answer of the wrong shape', ok(1, [{ symbols: 'AUSDT' }]), /expected shape/],
    ['an empty list', ok(1, []), /empty/],
  ])('records nothing for %s, and says why', async (_, answer, why) => {
    const store = open();
    const lines: string[] = [];
    const recorder = createRecorder({
      store,
      everyMs: 60_000,
      poolList: async () => answer,
      log: (l) => lines.push(l),
    });
    await recorder.recordOnce();
    expect(recorder.status().lastError).toMatch(why);
    expect(recorder.status().store.state).toBe('ok');
    expect(await store.observationBounds()).toBeNull();
    await store.close();
  });

  it('never throws when taking the pool list fails', async () => {
    const store = open();
    const recorder = createRecorder({
      store,
      everyMs: 60_000,
      poolList: () => Promise.reject(new Error('socket hang up')),
    });
    await expect(recorder.recordOnce()).resolves.toBeUndefined();
    expect(recorder.status().lastError).toMatch(/socket hang up/);
    await store.close();
  });

  it('records nothing when the interval is 0, and stop() waits for a write in flight', async () => {
    const store = open();
    let asked = 0;
    const recorder = createRecorder({
      store,
      everyMs: 0,
      poolList: async () => (asked++, ok(5, [pool(['AUSDT'], ['USDT', '1', 5])])),
    });
    recorder.start();
    await recorder.stop();
    expect(asked).toBe(0);
    const busy = createRecorder({
      store,
      everyMs: 60_000,
      poolList: async () => ok(7, [pool(['AUSDT'], ['USDT', '1', 7])]),
    });
    void busy.recordOnce();
    await busy.stop();
    expect((await store.observationBounds())?.last).toBe(7);
    await store.close();
  });

  it('stores each point once when two recorders record the same answers', async () => {
    const store = open();
    let t = 1_000;
    const poolList = async () => ok(t, [pool(['AUSDT'], ['USDT', `${t}.5`, t - 100])]);
    const a = createRecorder({ store, everyMs: 60_000, poolList });
    const b = createRecorder({ store, everyMs: 60_000, poolList });
    for (t = 1_000; t <= 5_000; t += 1_000) await Promise.all([a.recordOnce(), b.recordOnce()]);
    const answer = await answerHistory(store, { symbol: 'AUSDT' });
    expect(answer?.series[0]?.points.map((p) => p.t)).toEqual([900, 1_900, 2_900, 3_900, 4_900]);
    expect(await store.observations(0, 10_000, 100)).toEqual([1_000, 2_000, 3_000, 4_000, 5_000]);
    await store.close();
  });
});
