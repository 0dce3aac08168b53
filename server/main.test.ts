import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { readConfig } from './config.ts';
import { IMMUTABLE } from './http/static-files.ts';
import { startServer, stopCode, type RunningServer } from './main.ts';
import { startStandIn, type StandIn } from './proxy/test-servers.ts';

const SCRIPT = `console.log("app");${' '.repeat(2000)}`;

/** A client build as `vite build` leaves it: a page, a hashed script with its gzip twin, a map. */
function fakeBuild(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'main-'));
  mkdirSync(path.join(dir, 'assets'));
  writeFileSync(
    path.join(dir, 'index.html'),
    '<!doctype html><title>t</title><div id="root"></div>',
  );
  writeFileSync(path.join(dir, 'assets', 'app-a1b2.js'), SCRIPT);
  writeFileSync(path.join(dir, 'assets', 'app-a1b2.js.gz'), gzipSync(SCRIPT));
  writeFileSync(path.join(dir, 'assets', 'app-a1b2.js.map'), '{"sources":["secret.ts"]}');
  return dir;
}

let running: RunningServer | undefined;
let upstream: StandIn | undefined;
afterEach(async () => {
  await running?.close();
  await upstream?.close();
  running = undefined;
  upstream = undefined;
});

async function start() {
  upstream = await startStandIn();
  running = await startServer({
    clientOutDir: fakeBuild(),
    port: 0,
    config: { ...readConfig({}), upstream: upstream.url },
    log: () => undefined,
  });
  return running.url;
}

describe('the production server', () => {
  it('serves hashed assets for a year, compressed, and no source map', async () => {
    const base = await start();
    const js = await fetch(`${base}/assets/app-a1b2.js`, {
      headers: { 'accept-encoding': 'gzip' },
    });
    expect(js.status).toBe(200);
    expect(js.headers.get('cache-control')).toBe(IMMUTABLE);
    expect(js.headers.get('content-encoding')).toBe('gzip');
    expect(await js.text()).toBe(SCRIPT);
    expect((await fetch(`${base}/assets/app-a1b2.js.map`)).status).toBe(404);
    expect((await fetch(`${base}/assets/app-a1b2.js.gz`)).status).toBe(404);
  });

  it('never lets a cache keep the page', async () => {
    const base = await start();
    const page = await fetch(`${base}/`, { headers: { accept: 'text/html' } });
    expect(page.status).toBe(200);
    expect(page.headers.get('cache-control')).toBe('no-store');
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
  });

  it('compresses the proxy’s JSON, and answers unknown paths in words', async () => {
    const base = await start();
    const list = JSON.stringify(
      Array.from({ length: 50 }, (_, i) => ({ symbols: [`S${i}USDT`], assets: [] })),
    );
    upstream!.answer(() => ({ status: 200, body: list }));
    const res = await fetch(`${base}/fapi/v1/insuranceBalance`, {
      headers: { 'accept-encoding': 'gzip' },
    });
    expect(res.headers.get('content-encoding')).toBe('gzip');
    expect(await res.text()).toBe(list);
    const api = await fetch(`${base}/api/nothing`);
    expect(api.status).toBe(404);
    expect(await api.json()).toMatchObject({ msg: expect.stringMatching(/no such API path/) });
  });

  it('reports its health: ok, then degraded while the upstream fails', async () => {
    const base = await start();
    const first = (await (await fetch(`${base}/api/health`)).json()) as { status: string };
    expect(first.status).toBe('ok');
    upstream!.answer(() => ({ status: 500, body: '{"code":-1000,"msg":"down"}' }));
    await fetch(`${base}/fapi/v1/insuranceBalance`);
    const health = await fetch(`${base}/api/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({
      status: 'degraded',
      upstream: { poolList: { state: 'failing', lastError: 'HTTP 500: down' } },
    });
  });
});

describe('stopping on SIGTERM', () => {
  it('finishes the request in flight, then exits 0 within 5 s', async () => {
    upstream = await startStandIn();
    upstream.answer(() => ({ status: 200, body: '[]', delayMs: 1_500 }));
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'server/main.ts', '--port', '0', '--dist', fakeBuild()],
      {
        env: { ...process.env, FAPI_UPSTREAM: upstream.url, FAPI_RECORD_EVERY: '0' },
        stdio: 'pipe',
      },
    );
    let output = '';
    const listening = new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        const url = /listening on (http:\/\/\S+?),/.exec(output)?.[1];
        if (url) resolve(url);
      });
      child.once('exit', () => reject(new Error(`exited early: ${output}`)));
    });
    const url = await listening;
    const inFlight = fetch(`${url}/fapi/v1/insuranceBalance`);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const stoppedAt = Date.now();
    child.kill('SIGTERM');
    const [answer, code] = await Promise.all([
      inFlight,
      new Promise<number | null>((resolve) => child.once('exit', (c) => resolve(c))),
    ]);
    expect(answer.status).toBe(200);
    expect(await answer.text()).toBe('[]');
    expect(code).toBe(0);
    expect(Date.now() - stoppedAt).toBeLessThan(5_000);
    expect(output).toMatch(/stopping, finishing 1 request/);
    expect(output).toMatch(/stopped/);
  }, 20_000);
});

describe('the exit code of a stop', () => {
  it('is 1, in words, when the history store could not be closed, or not within the limit', async () => {
    const lines: string[] = [];
    const hanging = () => new Promise<void>(() => undefined);
    expect(await stopCode(hanging, 50, (line) => lines.push(line))).toBe(1);
    expect(lines.pop()).toMatch(/not stopped within 0.05 s; the history store may not be closed/);
    upstream = await startStandIn();
    const server = await startServer({
      clientOutDir: fakeBuild(),
      port: 0,
      config: { ...readConfig({}), upstream: upstream.url },
      log: () => undefined,
      history: async () => ({
        routes: (_req, _res, next) => next(),
        status: () => ({ state: 'ok' }),
        close: () => Promise.reject(new Error('the history store could not be closed in time')),
      }),
    });
    expect(await stopCode(server.close, 4_000, (line) => lines.push(line))).toBe(1);
    expect(lines.pop()).toMatch(/stopping failed: the history store could not be closed in time/);
  });

  it('is 0 once everything is closed', async () => {
    await start();
    const server = running!;
    running = undefined;
    expect(await stopCode(server.close, 4_000, () => undefined)).toBe(0);
  });
});
