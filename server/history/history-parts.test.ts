import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createHistoryThreadParts } from './history-parts.ts';
import { openStore } from './open-store.ts';

const dir = mkdtempSync(join(tmpdir(), 'history-parts-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const body = JSON.stringify([
  { symbols: ['BTCUSDT'], assets: [{ asset: 'USDT', marginBalance: '1.5', updateTime: 10 }] },
]);

describe('the history parts a server mounts', () => {
  it('record into HISTORY_DB, report their state and close', async () => {
    const lines: string[] = [];
    const parts = await createHistoryThreadParts({
      settings: { historyDb: join(dir, 'nested', 'h.sqlite') },
      everyMs: 0,
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
    const store = await openStore({
      historyDb: 'unused',
      databaseUrl: 'postgres://u:p4ss@127.0.0.1:1/h',
    });
    expect(store.info()).toMatchObject({
      kind: 'postgres',
      location: 'postgres://u@127.0.0.1:1/h',
    });
    await store.close();
    await expect(openStore({ historyDb: 'unused', databaseUrl: 'mysql://u@db/h' })).rejects.toThrow(
      'DATABASE_URL must be a postgres:// URL',
    );
  });
});
