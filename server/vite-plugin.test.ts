import { existsSync, mkdtempSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createServer, type ViteDevServer } from 'vite';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { startDemoUpstream, type DemoUpstream } from './demo/upstream.ts';

let server: ViteDevServer | undefined;
let upstream: DemoUpstream | undefined;
afterEach(async () => {
  await server?.close();
  await upstream?.close();
  server = undefined;
  upstream = undefined;
  vi.unstubAllEnvs();
});

async function devServer(mode?: string) {
  server = await createServer({
    configFile: 'vite.config.ts',
    mode,
    logLevel: 'silent',
    server: { port: 0, host: '127.0.0.1' },
  });
  await server.listen();
  const { port } = server.httpServer!.address() as AddressInfo;
  return `http://127.0.0.1:${port}`;
}

describe('the Vite plugin', () => {
  it('forwards to FAPI_UPSTREAM from the dev server', async () => {
    upstream = await startDemoUpstream();
    vi.stubEnv('FAPI_UPSTREAM', upstream.url);
    vi.spyOn(console, 'info').mockImplementation(() => undefined);
    const base = await devServer();
    const res = await fetch(`${base}/fapi/v1/insuranceBalance?symbol=btcusdt`);
    expect(res.status).toBe(200);
    expect(((await res.json()) as { symbols: string[] }).symbols).toContain('BTCUSDT');
    expect(upstream.stats.requests).toBe(1);
  });

  it('uses its own demo upstream and 30 days of history of its own in demo mode', async () => {
    const userStore = path.join(mkdtempSync(path.join(tmpdir(), 'user-history-')), 'h.sqlite');
    vi.stubEnv('FAPI_UPSTREAM', 'http://127.0.0.1:9');
    vi.stubEnv('HISTORY_DB', userStore);
    vi.spyOn(console, 'info').mockImplementation(() => undefined);
    const base = await devServer('demo');
    const res = await fetch(`${base}/fapi/v1/insuranceBalance`);
    expect(res.status).toBe(200);
    expect(res.headers.get('x-demo-data')).toBe('1');
    // The generated history fills in the background; the live data does not wait for it.
    let first = Infinity;
    for (let tries = 0; tries < 120 && first > Date.now() - 29 * 86_400_000; tries += 1) {
      const history = await fetch(`${base}/api/history?symbol=BTCUSDT&points=10`);
      if (history.ok)
        first =
          ((await history.json()) as { coverage: [number, number][] }).coverage[0]?.[0] ?? Infinity;
      else await new Promise((resolve) => setTimeout(resolve, 500));
    }
    expect(first).toBeLessThanOrEqual(Date.now() - 29 * 86_400_000);
    expect(existsSync(userStore)).toBe(false);
  }, 90_000);
});
