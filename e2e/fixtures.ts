import { test as base, expect, type Page } from '@playwright/test';
import type { AddressInfo } from 'node:net';
import { startDemoUpstream, type DemoUpstream, type Fault } from '../server/demo/upstream.ts';
import { UPSTREAM_PORT } from '../playwright.config.ts';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { HistoryLine } from '../src/core/history.ts';
import { importLines } from '../server/history/import-lines.ts';
import { openStore } from '../server/history/open-store.ts';
import { startApp } from './app-server.ts';

/** Switches the shared demo upstream (started by the config's webServer) into a failure mode. */
export async function setFault(mode: Fault, options: { retryAfter?: number; count?: number } = {}) {
  const res = await fetch(`http://127.0.0.1:${UPSTREAM_PORT}/__demo/fault`, {
    method: 'POST',
    body: JSON.stringify({ mode, ...options }),
  });
  if (!res.ok) throw new Error(`could not set fault ${mode}: ${res.status}`);
}

export async function upstreamRequests(port = UPSTREAM_PORT): Promise<number> {
  const res = await fetch(`http://127.0.0.1:${port}/__demo/stats`);
  return ((await res.json()) as { requests: number }).requests;
}

export interface Stack {
  /** The app, served by the production server from the build with the real proxy, against this stack's own upstream. */
  baseURL: string;
  upstream: DemoUpstream | undefined;
  upstreamPort: number;
  /** Starts (or restarts, on the same port) the upstream. */
  startUpstream: (options?: {
    pools?: number;
    symbols?: number;
    stepMs?: number;
  }) => Promise<DemoUpstream>;
  /** The upstream process is gone: nothing listens on its port. */
  stopUpstream: () => Promise<void>;
  /**
   * Adds these snapshots to this stack's own history store (it records nothing unless asked). The
   * server holds its store in a worker thread, so it is stopped, the lines imported as
   * `npm run history -- import` would, and the server started again at the same address.
   */
  importHistory: (lines: HistoryLine[]) => Promise<void>;
}

async function freePort(): Promise<number> {
  const { createServer } = await import('node:net');
  return new Promise((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

/**
 * A private stack for tests that break the upstream or count its requests: its own demo upstream
 * and its own production server, so no other test sees the fault.
 */
export const test = base.extend<{
  stack: Stack;
  stackOptions: { cacheTtl: string; upFirst: boolean };
}>({
  stackOptions: [{ cacheTtl: '0', upFirst: true }, { option: true }],
  stack: async ({ stackOptions }, use) => {
    const upstreamPort = await freePort();
    let upstream: DemoUpstream | undefined;
    const startUpstream: Stack['startUpstream'] = async (options = {}) => {
      upstream = await startDemoUpstream({ port: upstreamPort, stepMs: 1000, ...options });
      return upstream;
    };
    if (stackOptions.upFirst) await startUpstream();
    const env = {
      FAPI_UPSTREAM: `http://127.0.0.1:${upstreamPort}`,
      FAPI_CACHE_TTL: stackOptions.cacheTtl,
      HISTORY_DB: path.join(mkdtempSync(path.join(tmpdir(), 'e2e-history-')), 'history.sqlite'),
    };
    let server = await startApp(env);
    const port = Number(new URL(server.url).port);
    await use({
      baseURL: server.url,
      get upstream() {
        return upstream;
      },
      upstreamPort,
      startUpstream,
      importHistory: async (lines) => {
        await server.close();
        const store = await openStore({ historyDb: env.HISTORY_DB });
        try {
          await importLines(store, lines);
        } finally {
          await store.close();
        }
        server = await startApp(env, port);
      },
      stopUpstream: async () => {
        await upstream?.close();
        upstream = undefined;
      },
    });
    await server.close();
    await upstream?.close();
  },
});

/** The overview with its data, its lazy charts drawn and one chart's data table open. */
export async function openOverviewWithTable(page: Page, query: string) {
  await page.goto(`/?refresh=3600&${query}`);
  await expect(page.getByTestId('pool').first()).toBeVisible();
  const chart = page.getByTestId('asset-chart').first();
  await expect(chart.locator('.recharts-bar-rectangle').first()).toBeVisible();
  await chart.locator('summary').click();
  await expect(chart.locator('table')).toBeVisible();
}

export interface UpstreamPool {
  symbols: string[];
  assets: { asset: string; marginBalance: string; updateTime: number }[];
}

/**
 * Opens a page and returns the upstream's pool list it was rendered with: the production server
 * renders the page with the list in it (server/render/prerender.ts) and carries the answer along.
 */
export async function openWithAnswer(page: Page, url: string): Promise<UpstreamPool[]> {
  await renderedAhead(page, url);
  await page.goto(url);
  const pools = await prerenderedPools(page);
  if (pools === undefined) throw new Error(`${url} arrived without the pool list in it`);
  return pools;
}

/**
 * Asks the server for the page, outside the browser's own requests, until it comes rendered. A
 * render that misses its wait (a busy machine) sends the plain page and goes on for the next
 * viewer (server/render/page-route.ts): a spec about the rendered page must not be that viewer.
 */
async function renderedAhead(page: Page, url: string) {
  const languages = await page.evaluate(() => navigator.languages.join(','));
  for (let attempt = 0; attempt < 20; attempt += 1) {
    const response = await page.request.get(url, {
      headers: { accept: 'text/html', 'accept-language': languages },
    });
    if ((await response.text()).includes('id="prerendered"')) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** The pool list the page arrived with, if the server rendered it. */
export async function prerenderedPools(page: Page): Promise<UpstreamPool[] | undefined> {
  const data = page.locator('script#prerendered');
  if ((await data.count()) === 0) return undefined;
  return (JSON.parse((await data.textContent()) ?? '') as { pools: UpstreamPool[] }).pools;
}

/**
 * Makes the page arrive as the plain shell that the browser renders alone, as when the server
 * could not render it in time: for tests that answer the endpoint themselves.
 */
export async function withoutServerRender(page: Page): Promise<void> {
  await page.route(
    (url) => url.pathname === '/' || url.pathname === '/index.html',
    async (route) => {
      if (route.request().resourceType() !== 'document') return route.continue();
      // The server renders only for a request that asks for HTML.
      const headers = { ...route.request().headers(), accept: '*/*' };
      return route.fulfill({ response: await route.fetch({ headers }) });
    },
  );
}

/** Every symbol the page asks the endpoint about, in order. */
export function symbolRequests(page: Page): string[] {
  const asked: string[] = [];
  page.on('request', (r) => {
    const url = new URL(r.url());
    if (url.pathname === '/fapi/v1/insuranceBalance' && url.searchParams.has('symbol'))
      asked.push(url.searchParams.get('symbol')!);
  });
  return asked;
}

/** Fails the test on any uncaught error in the page. */
export function watchPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  return errors;
}

export { expect };
