import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createHistoryParts, recordEveryMs } from './history-parts.ts';
import { openStore } from './open-store.ts';

const dir = mkdtempSync(join(tmpdir(), 'history-parts-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const body = JSON.stringify([
  { symbols: ['BTCUSDT'], assets: [{ asset: 'USDT', marginBalance: '1.5', updateTime: 10 }] },
]);

describe('the history parts a server mounts', () => {
  it('record into HISTORY_DB, report their state and close', async () => {
    const lines: string[] = [];
    const parts = await createHistoryParts({
      env: { HISTORY_DB: join(dir, 'nested', 'h.sqlite'), FAPI_RECORD_EVERY: '0' },
      poolList: async () => ({ status: 200, body, demo: false, fetchedAt: 20 }),
      log: (l) => lines.push(l),
    });
    await parts.recorder.recordOnce();
    expect(parts.status()).toMatchObject({
      lastRecordingAt: 20,
      store: { kind: 'sqlite', role: 'writer', state: 'ok' },
    });
    await parts.close();
    expect(parts.store.info().role).toBe('off');
  });

  it('open PostgreSQL for a postgres:// URL without waiting for it, and never show its password', async () => {
    const store = await openStore({ DATABASE_URL: 'postgres://u:p4ss@127.0.0.1:1/h' });
    expect(store.info()).toMatchObject({
      kind: 'postgres',
      location: 'postgres://u@127.0.0.1:1/h',
    });
    await store.close();
    await expect(openStore({ DATABASE_URL: 'mysql://u@db/h' })).rejects.toThrow(
      'DATABASE_URL must be a postgres:// URL',
    );
  });

  it('read FAPI_RECORD_EVERY in seconds and keep the default for a bad value, saying so', () => {
    const lines: string[] = [];
    expect(recordEveryMs('0')).toBe(0);
    expect(recordEveryMs('2.5')).toBe(2_500);
    expect(recordEveryMs(undefined)).toBe(60_000);
    expect(recordEveryMs('soon', (l) => lines.push(l))).toBe(60_000);
    expect(lines[0]).toMatch(/FAPI_RECORD_EVERY must be a number of seconds/);
  });
});
