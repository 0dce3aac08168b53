import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Answer } from '../proxy/answer.ts';
import { createPageRoute } from './page-route.ts';
import type { RenderPoolOptions } from './render-pool.ts';
import { bundleLoader, serverOutDir } from './server-bundle.ts';
import { page, TEMPLATE } from './test-page.ts';

/**
 * A server bundle as `vite build` leaves it beside the client, rendering in the real render pool:
 * `?crash` ends its thread, `?slow` holds it for a few seconds, anything else is rendered.
 */
const BUNDLE = `
export function prerender(input) {
  if (input.search.includes('crash')) process.exit(1);
  if (input.search.includes('slow')) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 4000);
  return ${JSON.stringify(page)};
}
`;

const open: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of open.splice(0).reverse()) await close();
});

const list: Answer = { status: 200, body: '[]', demo: false, fetchedAt: 1 };

async function serve(pool: RenderPoolOptions, renderWaitMs = 20_000) {
  const dir = mkdtempSync(path.join(tmpdir(), 'render-pool-'));
  writeFileSync(path.join(dir, 'index.html'), TEMPLATE);
  const bundleDir = serverOutDir(dir);
  mkdirSync(bundleDir);
  writeFileSync(path.join(bundleDir, 'package.json'), '{"type":"module"}');
  writeFileSync(path.join(bundleDir, 'entry-server.js'), BUNDLE);
  const route = createPageRoute({
    clientOutDir: dir,
    poolList: async () => list,
    renderWaitMs,
    load: bundleLoader(dir, () => undefined, pool),
  });
  open.push(() => route.close());
  const server: Server = createServer((req, res) => route(req, res, () => res.end('shell')));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  open.push(
    () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  );
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const get = (query: string, signal?: AbortSignal) =>
    fetch(`${base}/${query}`, { headers: { accept: 'text/html' }, signal }).then((r) => r.text());
  return { route, get };
}

async function until(check: () => boolean) {
  for (let i = 0; i < 200 && !check(); i += 1) await new Promise((r) => setTimeout(r, 25));
  expect(check()).toBe(true);
}

describe('the render pool', () => {
  it('replaces a render thread that died: the next page is rendered', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const { get } = await serve({ threads: 1 });
    expect(await get('?crash=1')).toBe('shell');
    expect(await get('')).toContain(page.html);
    expect(await get('?lang=en')).toContain(page.html);
  });

  it('answers the plain page at once when its queue is full, instead of waiting', async () => {
    const { route, get } = await serve({ threads: 1, maxQueue: 1 });
    const first = get('?slow=1');
    const second = get('?slow=2');
    await until(() => route.stats.renders >= 2);
    expect(await get('?lang=zh-CN')).toBe('shell');
    expect(route.stats.busy).toBe(1);
    void first.catch(() => undefined);
    void second.catch(() => undefined);
  });

  it('stops a render when the viewer who asked for it leaves, freeing its thread', async () => {
    const { route, get } = await serve({ threads: 1, maxQueue: 1 });
    const leaving = new AbortController();
    const gone = get('?slow=1', leaving.signal).catch(() => 'left');
    await until(() => route.stats.renders >= 1);
    leaving.abort();
    expect(await gone).toBe('left');
    await until(() => route.stats.cancelled === 1);
    // Its thread was stopped and replaced: the next page is rendered, not held behind it.
    expect(await get('?lang=en')).toContain(page.html);
    expect(route.stats.busy).toBe(0);
  });

  it('renders one page for every value of a parameter that does not change the markup', async () => {
    const { route, get } = await serve({ threads: 1 });
    for (let i = 1; i <= 8; i += 1) expect(await get(`?refresh=${i}`)).toContain(page.html);
    expect(await get('')).toContain(page.html);
    expect(route.stats.renders).toBe(1);
    // The wall says when it refreshes next: there it is part of the page.
    for (let i = 1; i <= 3; i += 1) await get(`?view=wall&refresh=${i}`);
    expect(route.stats.renders).toBe(4);
  });
});
