import { execFileSync, spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync, type DatabaseSyncInstance } from '@photostructure/sqlite';
import { afterAll, describe, expect, it } from 'vitest';
import { createRecorder, type Answer } from '../recorder.ts';
import { answerHistory } from '../history-query.ts';
import { pool, record } from '../test-store-suite.ts';
import { openSqliteAdapter } from './sqlite-adapter.ts';

const dir = mkdtempSync(join(tmpdir(), 'history-faults-'));
let n = 0;
const file = () => join(dir, `f${(n += 1)}.sqlite`);
afterAll(() => {
  if (process.getuid?.() === 0) execFileSync('chattr', ['-R', '-i', dir]);
  rmSync(dir, { recursive: true, force: true });
});
const snap = (t: number, b = '1') => ({ observedAt: t, pools: [pool(['AUSDT'], ['USDT', b, t])] });
const answer = (t: number, b = '1'): Answer => ({
  status: 200,
  body: JSON.stringify(snap(t, b).pools),
  demo: false,
  fetchedAt: t,
});

describe('the SQLite history file', () => {
  it('lets one process record and a second one only read, saying so', async () => {
    const path = file();
    const lines: string[] = [];
    const first = openSqliteAdapter({ path });
    const second = openSqliteAdapter({ path, log: (l) => lines.push(l) });
    expect(first.info().role).toBe('writer');
    expect(second.info().role).toBe('reader');
    expect(lines).toEqual([`another process records into ${path}; this server only reads it`]);
    await record(first, snap(1_000));
    expect((await answerHistory(second, { symbol: 'AUSDT' }))?.series[0]?.points).toEqual([
      { t: 1_000, balance: '1' },
    ]);
    await expect(record(second, snap(2_000))).rejects.toThrow(/does not record/);
    await first.close();
    expect(await second.claimWriter()).toBe('writer');
    await record(second, snap(3_000));
    await second.close();
  });

  it('refuses the writer role to another process while one holds it', async () => {
    const path = file();
    const holder = openSqliteAdapter({ path });
    const probe = `import { openSqliteAdapter } from ${JSON.stringify(join(import.meta.dirname, 'sqlite-adapter.ts'))};
      const s = openSqliteAdapter({ path: ${JSON.stringify(path)} }); console.log(s.info().role); await s.close();`;
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', probe], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += String(d)));
    await new Promise((r) => child.on('exit', r));
    expect(out.trim()).toBe('reader');
    await holder.close();
  });

  it('serves a read-only file without recording into it, degraded', async () => {
    const path = file();
    const w = openSqliteAdapter({ path });
    await record(w, snap(1_000, '7'));
    await w.close();
    // root may write any file whatever its bits, but not one marked immutable.
    const asRoot = process.getuid?.() === 0;
    if (asRoot) execFileSync('chattr', ['+i', path]);
    else chmodSync(path, 0o444);
    const lines: string[] = [];
    const store = openSqliteAdapter({ path, log: (l) => lines.push(l) });
    expect(store.info()).toMatchObject({ role: 'reader', state: 'degraded' });
    expect((await answerHistory(store, { symbol: 'AUSDT' }))?.series[0]?.points[0]?.balance).toBe(
      '7',
    );
    expect(lines.join('\n')).toMatch(/read-only/);
    await expect(record(store, snap(2_000))).rejects.toThrow(/does not record/);
    await store.close();
    if (asRoot) execFileSync('chattr', ['-i', path]);
  });

  it('keeps serving and retries when the disk is full, losing nothing stored', async () => {
    let conn: DatabaseSyncInstance | undefined;
    const store = openSqliteAdapter({ path: file(), onConnection: (db) => (conn = db) });
    let t = 1_000;
    let body = JSON.stringify(snap(t, '1000.5').pools);
    const lines: string[] = [];
    const recorder = createRecorder({
      store,
      poolList: async () => ({ status: 200, body, demo: false, fetchedAt: t }),
      everyMs: 60_000,
      log: (l) => lines.push(l),
    });
    await recorder.recordOnce();
    const pages = (conn!.prepare('PRAGMA page_count').get() as { page_count: number }).page_count;
    conn!.exec(`PRAGMA max_page_count = ${pages}`);
    t = 2_000;
    body = JSON.stringify(
      Array.from({ length: 400 }, (_, i) => pool([`S${i}USDT`], ['USDT', `${i}.123456789`, t])),
    );
    await expect(recorder.recordOnce()).resolves.toBeUndefined();
    expect(recorder.status()).toMatchObject({ pending: 1, store: { state: 'degraded' } });
    expect(lines.join('\n')).toMatch(/recording failed: .*full/);
    expect((await answerHistory(store, { symbol: 'AUSDT' }))?.series[0]?.points).toEqual([
      { t: 1_000, balance: '1000.5' },
    ]);
    expect(await answerHistory(store, { symbol: 'S1USDT' })).toBeNull();
    conn!.exec('PRAGMA max_page_count = 1073741823');
    t = 3_000;
    await recorder.recordOnce();
    expect(recorder.status()).toMatchObject({
      pending: 0,
      lastRecordingAt: 3_000,
      store: { state: 'ok' },
    });
    expect((await answerHistory(store, { symbol: 'S1USDT' }))?.series[0]?.points).toEqual([
      { t: 2_000, balance: '1.123456789' },
    ]);
    await store.close();
  });

  it('never writes to or deletes a file that is not a SQLite database', async () => {
    const path = file();
    const junk = 'not a database, but somebody’s notes\n'.repeat(50);
    writeFileSync(path, junk);
    const lines: string[] = [];
    const store = openSqliteAdapter({ path, log: (l) => lines.push(l) });
    expect(store.info()).toMatchObject({ role: 'off', state: 'degraded' });
    expect(lines[0]).toContain(path);
    expect(await answerHistory(store, { symbol: 'AUSDT' })).toBeNull();
    const recorder = createRecorder({
      store,
      poolList: async () => answer(5_000),
      everyMs: 60_000,
    });
    await recorder.recordOnce();
    expect(recorder.status().store.state).toBe('degraded');
    await store.close();
    expect(readFileSync(path, 'utf8')).toBe(junk);
  });

  it('keeps every acknowledged snapshot through kill -9 during recording', async () => {
    const path = file();
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', join(import.meta.dirname, 'test-record-loop.ts'), path],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    const acknowledged: number[] = [];
    let buffer = '';
    await new Promise<void>((resolve) => {
      child.on('exit', () => resolve());
      child.stdout.on('data', (d: Buffer) => {
        buffer += String(d);
        const lines = buffer.split('\n');
        buffer = lines.pop()!;
        for (const l of lines) if (l.startsWith('ok ')) acknowledged.push(Number(l.slice(3)));
        if (acknowledged.length >= 30 && !child.killed) {
          child.kill('SIGKILL');
          resolve();
        }
      });
    });
    if (child.exitCode === null && child.signalCode === null)
      await new Promise((r) => child.on('exit', r));
    expect(child.signalCode).toBe('SIGKILL');
    const store = openSqliteAdapter({ path });
    expect(store.info().role).toBe('writer');
    const stored = await store.observations(0, Number.MAX_SAFE_INTEGER, 1_000_000);
    for (const t of acknowledged) expect(stored).toContain(t);
    await store.close();
    const db = new DatabaseSync(path, { readOnly: true });
    expect(db.prepare('PRAGMA integrity_check').get()).toEqual({ integrity_check: 'ok' });
    db.close();
  }, 60_000);
});
