import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CSP, CSS, page, TEMPLATE } from './test-page.ts';
import type { Answer } from '../proxy/answer.ts';
import { createPageRoute, type PageRouteOptions } from './page-route.ts';
import type { ServerEntry } from './server-bundle.ts';

let server: Server | undefined;
afterEach(async () => {
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
  server = undefined;
});

function answer(status = 200, body = '[]'): Answer {
  return { status, body, demo: false, fetchedAt: 1 };
}

/** The middleware in front of a stand-in for the static server, which answers `shell`. */
async function serve(options: Partial<PageRouteOptions> & { entry?: ServerEntry | undefined }) {
  return (await serveRoute(options)).base;
}

/** The same, with the middleware itself, to warm it as the proxy would. */
async function serveRoute(
  options: Partial<PageRouteOptions> & { entry?: ServerEntry | undefined },
) {
  const dir = mkdtempSync(path.join(tmpdir(), 'prerender-'));
  mkdirSync(path.join(dir, 'assets'));
  writeFileSync(path.join(dir, 'index.html'), TEMPLATE);
  writeFileSync(path.join(dir, 'assets', 'index-b2.css'), CSS);
  const middleware = createPageRoute({
    clientOutDir: dir,
    poolList: async () => answer(),
    load: async () => options.entry,
    ...options,
  });
  server = createServer((req, res) => {
    res.setHeader('content-security-policy', CSP);
    middleware(req, res, () => res.end('shell'));
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return { base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, middleware };
}

const entry = (prerender: ServerEntry['prerender'] = () => page): ServerEntry => ({ prerender });
const html = { accept: 'text/html,application/xhtml+xml' };

describe('the pre-rendering middleware', () => {
  it('answers a page request with the rendered page, never cached, its style allowed', async () => {
    const render = vi.fn(() => page);
    const base = await serve({ entry: entry(render) });
    const res = await fetch(`${base}/?lang=zh-CN&view=wall`, {
      headers: {
        ...html,
        'accept-language': 'zh-CN,en;q=0.5',
        'sec-ch-prefers-color-scheme': '"dark"',
      },
    });
    const text = await res.text();
    expect(text).toContain(page.html);
    expect(text).toContain(`<style>${CSS}</style>`);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('content-security-policy')).toContain("style-src 'self' 'sha256-");
    expect(render).toHaveBeenCalledWith(
      expect.objectContaining({
        search: '?lang=zh-CN&view=wall',
        languages: ['zh-CN', 'en'],
        colorScheme: 'dark',
      }),
      expect.any(AbortSignal),
    );
    expect(res.headers.get('accept-ch')).toBe('Sec-CH-Prefers-Color-Scheme');
  });

  it('leaves files, API calls and other methods to the rest of the server', async () => {
    const base = await serve({ entry: entry() });
    expect(await (await fetch(`${base}/assets/index-a1.js`, { headers: html })).text()).toBe(
      'shell',
    );
    expect(await (await fetch(`${base}/`, { headers: { accept: '*/*' } })).text()).toBe('shell');
    expect(await (await fetch(`${base}/`, { method: 'POST', headers: html })).text()).toBe('shell');
  });

  it('sends the plain page when the pool list is an error, late, or unrenderable', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const cases: Partial<PageRouteOptions>[] = [
      { poolList: async () => answer(502, '{"code":-1,"msg":"down"}') },
      { poolList: () => new Promise(() => undefined), budgetMs: 50 },
      { poolList: async () => Promise.reject(new Error('boom')) },
      { load: async () => entry(() => undefined) },
      {
        load: async () =>
          entry(() => {
            throw new Error('render broke');
          }),
      },
      { load: async () => undefined },
    ];
    for (const options of cases) {
      const base = await serve(options);
      expect(await (await fetch(`${base}/`, { headers: html })).text()).toBe('shell');
      await new Promise((resolve) => server!.close(resolve));
      server = undefined;
    }
  });
  it('renders a page once per answer and variant, and serves it compressed from memory', async () => {
    // Large enough to be worth compressing, as a page of pools is.
    const render = vi.fn(() => ({ ...page, html: page.html.repeat(40) }));
    const list = answer();
    const base = await serve({ entry: entry(render), poolList: async () => list });
    const ask = (query: string, encoding: string) =>
      fetch(`${base}/${query}`, { headers: { ...html, 'accept-encoding': encoding } });
    const plain = await (await ask('?lang=en', 'identity')).text();
    for (let i = 0; i < 20; i += 1) await ask('?lang=en', 'identity');
    expect(render).toHaveBeenCalledTimes(1);
    const gz = await ask('?lang=en', 'gzip');
    expect(gz.headers.get('content-encoding')).toBe('gzip');
    // fetch decodes the body itself: the same page, in fewer bytes on the wire.
    expect(Number(gz.headers.get('content-length'))).toBeLessThan(Buffer.byteLength(plain));
    expect(await gz.text()).toBe(plain);
    const br = await ask('?lang=en', 'gzip, br');
    expect(br.headers.get('content-encoding')).toBe('br');
    expect(await br.text()).toBe(plain);
    await ask('?lang=zh-CN', 'identity');
    expect(render).toHaveBeenCalledTimes(2);
  });

  it('renders again for a new answer of the pool list', async () => {
    const render = vi.fn(() => page);
    let list = answer();
    const base = await serve({ entry: entry(render), poolList: async () => list });
    await fetch(`${base}/`, { headers: html });
    list = answer();
    await fetch(`${base}/`, { headers: html });
    expect(render).toHaveBeenCalledTimes(2);
  });

  it('sends a list too long to render quickly without the render', async () => {
    const render = vi.fn(() => page);
    const huge = answer(200, `[${'{"symbols":["X"],"assets":[]},'.repeat(60_000)}{}]`);
    const base = await serve({ entry: entry(render), poolList: async () => huge });
    expect(await (await fetch(`${base}/`, { headers: html })).text()).toBe('shell');
    expect(render).not.toHaveBeenCalled();
  });

  it('renders a new answer before the first viewer asks, and serves that viewer from memory', async () => {
    const render = vi.fn(() => page);
    const list = answer();
    const { base, middleware } = await serveRoute({
      entry: entry(render),
      poolList: async () => list,
    });
    await middleware.warm(list);
    expect(render).toHaveBeenCalledTimes(1);
    const text = await (await fetch(`${base}/`, { headers: html })).text();
    expect(text).toContain(page.html);
    expect(render).toHaveBeenCalledTimes(1);
  });

  it('warms a new answer in the variants viewers asked for last', async () => {
    const render = vi.fn(() => page);
    let list = answer();
    const { base, middleware } = await serveRoute({
      entry: entry(render),
      poolList: async () => list,
    });
    const zh = { ...html, 'accept-language': 'zh-CN' };
    await fetch(`${base}/?view=wall`, { headers: zh });
    expect(render).toHaveBeenCalledTimes(1);
    list = answer();
    await middleware.warm(list);
    expect(render).toHaveBeenCalledTimes(2);
    expect(render).toHaveBeenLastCalledWith(
      expect.objectContaining({ search: '?view=wall', languages: ['zh-CN'], answer: list }),
      expect.any(AbortSignal),
    );
    expect(await (await fetch(`${base}/?view=wall`, { headers: zh })).text()).toContain(page.html);
    expect(render).toHaveBeenCalledTimes(2);
  });

  it('warms nothing for an answer it would not render', async () => {
    const render = vi.fn(() => page);
    const { middleware } = await serveRoute({ entry: entry(render) });
    await middleware.warm(answer(502, '{"code":-1,"msg":"down"}'));
    expect(render).not.toHaveBeenCalled();
  });

  it('stops rendering ahead a variant nobody has asked for in ten minutes', async () => {
    const render = vi.fn(() => page);
    const clock = { t: 1_000_000 };
    const { base, middleware } = await serveRoute({
      entry: entry(render),
      now: () => clock.t,
    });
    await fetch(`${base}/`, { headers: html });
    clock.t += 9 * 60_000;
    await middleware.warm(answer());
    expect(render).toHaveBeenCalledTimes(2);
    clock.t += 2 * 60_000;
    await middleware.warm(answer());
    expect(render).toHaveBeenCalledTimes(2);
  });
});
