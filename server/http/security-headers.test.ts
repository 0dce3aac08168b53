import { request } from 'node:http';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { preview, type PreviewServer } from 'vite';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { allowedHostsFrom, securityHeaders, securityHeadersPlugin } from './security-headers.ts';

let server: PreviewServer | undefined;
let dir: string | undefined;
afterEach(async () => {
  await server?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
  server = undefined;
  dir = undefined;
  vi.unstubAllEnvs();
});

/** A preview server over a one-page build, with only this plugin, as `vite preview` runs it. */
async function previewServer() {
  dir = await mkdtemp(join(tmpdir(), 'headers-'));
  await writeFile(join(dir, 'index.html'), '<!doctype html><title>t</title><div id="root"></div>');
  server = await preview({
    configFile: false,
    logLevel: 'silent',
    plugins: [securityHeadersPlugin()],
    build: { outDir: dir },
    preview: { port: 0, host: '127.0.0.1' },
  });
  return (server.httpServer.address() as AddressInfo).port;
}

/** GET with a Host header of our choosing, which fetch does not allow. */
function get(port: number, host: string, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; headers: Record<string, unknown> }>((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port, path: '/', headers: { host, ...headers } },
      (res) => {
        res.resume();
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers }));
      },
    );
    req.on('error', reject);
    req.end();
  });
}

describe('securityHeaders', () => {
  it('forbids inline script, other origins and framing on the built app', () => {
    const csp = securityHeaders('built')['content-security-policy'];
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval|\*/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
  });

  it('keeps framing and plugins off in dev, where the refresh preamble must run inline', () => {
    const csp = securityHeaders('dev')['content-security-policy'];
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('script-src');
  });
});

describe('allowedHostsFrom', () => {
  it('reads names separated by commas or spaces, and a leading dot for a whole domain', () => {
    expect(allowedHostsFrom('wall.example.lan, .corp.example  Dash')).toEqual([
      'wall.example.lan',
      '.corp.example',
      'dash',
    ]);
    expect(allowedHostsFrom(undefined)).toEqual([]);
    expect(allowedHostsFrom('')).toEqual([]);
  });

  it('ignores, with a warning, anything that would open every host', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    expect(allowedHostsFrom('*, http://wall.lan, wall.lan:80, ok.lan')).toEqual(['ok.lan']);
    expect(warn).toHaveBeenCalledTimes(3);
    expect(String(warn.mock.calls[0]![0])).toContain('"*" is not a host name');
  });
});

describe('the preview server with the plugin', () => {
  it('sends the headers with every page, and refuses a host it was not told about', async () => {
    vi.stubEnv('FAPI_ALLOWED_HOSTS', 'wall.example.lan');
    const port = await previewServer();
    const page = await get(port, `wall.example.lan:${port}`);
    expect(page.status).toBe(200);
    expect(page.headers['content-security-policy']).toBe(
      securityHeaders('built')['content-security-policy'],
    );
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    expect(page.headers['referrer-policy']).toBe('no-referrer');
    expect((await get(port, `127.0.0.1:${port}`)).status).toBe(200);
    expect((await get(port, 'evil.example')).status).toBe(403);
    expect((await get(port, 'wall.example.lan.evil.example')).status).toBe(403);
  });

  it('refuses a LAN name when none is configured', async () => {
    vi.stubEnv('FAPI_ALLOWED_HOSTS', '');
    const port = await previewServer();
    expect((await get(port, 'wall.example.lan')).status).toBe(403);
  });

  it('gives another origin no CORS permission to read', async () => {
    const port = await previewServer();
    const res = await get(port, `127.0.0.1:${port}`, { origin: 'http://localhost:9999' });
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
  });
});
