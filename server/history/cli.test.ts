import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const dir = mkdtempSync(join(tmpdir(), 'history-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const cli = join(import.meta.dirname, 'cli.ts');
const run = (db: string, ...args: string[]) => {
  const r = spawnSync(process.execPath, ['--import', 'tsx', cli, ...args], {
    env: { ...process.env, HISTORY_DB: db },
    encoding: 'utf8',
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
};
const line = (t: number, balance: string) =>
  JSON.stringify({
    observedAt: t,
    answer: [
      { symbols: ['BTCUSDT'], assets: [{ asset: 'USDT', marginBalance: balance, updateTime: t }] },
    ],
  });

describe('npm run history', { timeout: 60_000 }, () => {
  it('imports a file, imports it again without adding anything, and exports it back', () => {
    const db = join(dir, 'a.sqlite');
    const file = join(dir, 'a.jsonl');
    writeFileSync(
      file,
      [
        line(1_764_633_600_000, '793930579.315848'),
        line(1_764_633_660_000, '793930579.3158480'),
      ].join('\n'),
    );
    expect(run(db, 'import', file)).toMatchObject({
      code: 0,
      err: expect.stringMatching(/imported 2 snapshots/),
    });
    expect(run(db, 'import', file).code).toBe(0);
    const exported = run(db, 'export')
      .out.trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { observedAt: number; answer: unknown; coveredSince: number });
    expect(exported.map((l) => l.observedAt)).toEqual([1_764_633_600_000, 1_764_633_660_000]);
    expect(exported[1]!.answer).toEqual(
      JSON.parse(line(1_764_633_660_000, '793930579.3158480')).answer,
    );
    expect(exported[1]!.coveredSince).toBe(1_764_633_600_000);
    expect(run(db, 'export', '--from', '2025-12-02T00:00:30Z').out.trim().split('\n')).toHaveLength(
      1,
    );
  });

  it('exports the same history as CSV or as one JSON document when asked', () => {
    const db = join(dir, 'f.sqlite');
    const file = join(dir, 'f.jsonl');
    writeFileSync(file, [line(1_764_633_600_000, '0.000000000000000001')].join('\n'));
    expect(run(db, 'import', file).code).toBe(0);
    const csv = run(db, 'export', '--format', 'csv');
    expect(csv.code).toBe(0);
    expect(csv.out.startsWith('\uFEFFobserved_at,observed_at_ms,')).toBe(true);
    expect(csv.out.split('\r\n')[1]).toBe(
      '2025-12-02T00:00:00.000Z,1764633600000,BTCUSDT,BTC,1,"BTCUSDT",USDT,0.000000000000000001,2025-12-02T00:00:00.000Z,1764633600000,,,0,0,0,1,""',
    );
    const json = run(db, 'export', '--format', 'json');
    const body = JSON.parse(json.out) as {
      from: number | null;
      to: number | null;
      snapshots: { observedAt: number; answer: { assets: { marginBalance: string }[] }[] }[];
    };
    expect([body.from, body.to]).toEqual([null, null]);
    expect(
      body.snapshots.map((s) => [s.observedAt, s.answer[0]!.assets[0]!.marginBalance]),
    ).toEqual([[1_764_633_600_000, '0.000000000000000001']]);
  });

  it('refuses a file with a bad line, naming it, and imports nothing', () => {
    const db = join(dir, 'b.sqlite');
    const file = join(dir, 'b.jsonl');
    writeFileSync(file, [line(1, '1'), line(2, 'NaN')].join('\n'));
    const r = run(db, 'import', file);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(
      /line 2: answer\[0\]\.assets\[0\]\.marginBalance: expected a decimal string; nothing imported/,
    );
    expect(run(db, 'export').out).toBe('');
  });

  it.each([
    [['import', 'no-such-file.jsonl'], /cannot read no-such-file\.jsonl: no such file/],
    [['export', '--from', 'last tuesday'], /--from takes a date/],
    [['export', '--format', 'xlsx'], /--format takes jsonl, csv, json, not xlsx/],
    [['purge'], /unknown command purge/],
    [[], /usage: npm run history/],
  ])('says what is wrong with %j', (args, message) => {
    const r = run(join(dir, 'c.sqlite'), ...args);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
  });

  it('writes every line of a large export into a pipe whose reader is slow, the last one too', async () => {
    const db = join(dir, 'slow-reader.sqlite');
    const file = join(dir, 'large.jsonl');
    // 300 snapshots of 60 pools each: about 5 MB, many times what a pipe holds.
    const pools = (t: number) =>
      Array.from({ length: 60 }, (_, p) => ({
        symbols: [`P${p}USDT`, `P${p}USDC`],
        assets: [{ asset: 'USDT', marginBalance: `${1000 + p}.${t}`, updateTime: t }],
      }));
    const times = Array.from({ length: 300 }, (_, i) => 1_764_633_600_000 + i * 60_000);
    writeFileSync(
      file,
      times.map((t) => JSON.stringify({ observedAt: t, answer: pools(t) })).join('\n'),
    );
    expect(run(db, 'import', file).code).toBe(0);

    const child = spawn(process.execPath, ['--import', 'tsx', cli, 'export'], {
      env: { ...process.env, HISTORY_DB: db },
    });
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    // The reader takes its time over every chunk, as a slow disk or network would: the pipe is
    // full whenever the command writes its last lines and exits.
    const chunks: Buffer[] = [];
    child.stdout.on('data', (c: Buffer) => {
      chunks.push(c);
      child.stdout.pause();
      setTimeout(() => child.stdout.resume(), 5);
    });
    const ended = new Promise((resolve) => child.stdout.on('end', resolve));
    const code = await exited;
    await ended;
    expect(code).toBe(0);
    const lines = Buffer.concat(chunks).toString('utf8').split('\n').filter(Boolean);
    expect(lines.map((l) => (JSON.parse(l) as { observedAt: number }).observedAt)).toEqual(times);
  });
});
