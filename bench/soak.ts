/**
 * The wall left running: heap after forced garbage collection across many refreshes of changing
 * data; and ten screens on one server, counted at the upstream.
 */
import type { Browser, Page } from '@playwright/test';
import { historyOnScreen, newContext, RefreshCounter, sleep } from './browser.ts';
import { heapBreakdown, type HeapBreakdown } from './heap.ts';

export interface HeapPoint {
  /** Refreshes since the first sample. */
  refresh: number;
  seconds: number;
  /** V8's used heap after forced garbage collection. */
  heapBytes: number;
  /** The same heap by kind, at every few samples (a heap snapshot is slower). */
  kinds?: HeapBreakdown;
  domNodes: number;
  listeners: number;
}

export interface SoakResult {
  wallShown: boolean;
  points: HeapPoint[];
  refreshes: number;
  failedRefreshes: number;
  /** `data-state` of the freshness badge at the end. */
  freshness: string | null;
  pageErrors: string[];
  /** Sparklines and change figures on the wall at the end. */
  history: { sparklines: number; changes: number };
}

/** The wall's own root, or whatever the app shows until the wall exists. */
async function waitForScreen(page: Page): Promise<boolean> {
  const wall = page.locator('[data-testid="wall"]');
  const any = wall.or(page.locator('[data-testid="pool"], [data-testid="summary"]')).first();
  await any.waitFor({ timeout: 20_000 });
  return (await wall.count()) > 0;
}

export async function soak(
  browser: Browser,
  url: string,
  { warmup, refreshes, samples }: { warmup: number; refreshes: number; samples: number },
  progress: (line: string) => void,
): Promise<SoakResult> {
  const context = await newContext(browser);
  try {
    const page = await context.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));
    const counter = new RefreshCounter(page);
    await page.goto(url);
    const wallShown = await waitForScreen(page);
    await counter.reach(warmup, warmup * 3000 + 20_000);
    const cdp = await context.newCDPSession(page);
    const start = counter.count;
    const startedAt = Date.now();
    const sample = async (withKinds: boolean): Promise<HeapPoint> => {
      const refresh = counter.count - start;
      for (let i = 0; i < 3; i += 1) await cdp.send('HeapProfiler.collectGarbage');
      const heap = await cdp.send('Runtime.getHeapUsage');
      const dom = await cdp.send('Memory.getDOMCounters');
      return {
        refresh,
        seconds: (Date.now() - startedAt) / 1000,
        heapBytes: heap.usedSize,
        ...(withKinds ? { kinds: await heapBreakdown(cdp) } : {}),
        domNodes: dom.nodes,
        listeners: dom.jsEventListeners,
      };
    };
    const kindsEvery = Math.max(1, Math.round(samples / 6));
    const points = [await sample(true)];
    for (let k = 1; k <= samples; k += 1) {
      const due = start + Math.round((k * refreshes) / samples);
      try {
        await counter.reach(due, (due - counter.count) * 3000 + 30_000);
      } catch (error) {
        progress(`soak stopped early: ${error instanceof Error ? error.message : String(error)}`);
        break;
      }
      const point = await sample(k % kindsEvery === 0 || k === samples);
      points.push(point);
      if (k % Math.max(1, Math.round(samples / 6)) === 0)
        progress(
          `soak: ${point.refresh}/${refreshes} refreshes, heap ${(point.heapBytes / 1e6).toFixed(2)} MB`,
        );
    }
    const freshness = await page
      .locator('[data-testid="freshness"]')
      .first()
      .getAttribute('data-state', { timeout: 1_000 })
      .catch(() => null);
    const history = await historyOnScreen(page);
    return {
      history,
      wallShown,
      points,
      refreshes: counter.count - start,
      failedRefreshes: counter.errors,
      freshness,
      pageErrors,
    };
  } finally {
    await context.close();
  }
}

export interface ScreensResult {
  screens: number;
  seconds: number;
  /** Answers the screens got from the proxy in the window. */
  viewerRequests: number;
  /** Calls the proxy made to the upstream in the window, and when. */
  upstreamCalls: number[];
}

interface UpstreamStats {
  requests: number;
  lastRequestAt: number;
}

/** Ten wall screens on one server: how often the upstream is asked. */
export async function tenScreens(
  browser: Browser,
  url: string,
  upstream: string,
  { screens, seconds }: { screens: number; seconds: number },
): Promise<ScreensResult> {
  const context = await newContext(browser);
  try {
    const pages = await Promise.all(Array.from({ length: screens }, () => context.newPage()));
    const counters = pages.map((p) => new RefreshCounter(p));
    for (const page of pages) {
      await page.goto(url);
      await waitForScreen(page);
    }
    await sleep(2_000);
    const stats = async () =>
      (await (await fetch(`${upstream}/__demo/stats`)).json()) as UpstreamStats;
    const viewersBefore = counters.reduce((n, c) => n + c.count, 0);
    let last = await stats();
    const calls: number[] = [];
    const end = Date.now() + seconds * 1000;
    while (Date.now() < end) {
      await sleep(100);
      const now = await stats();
      // Two calls between polls are both counted; the second one's time is the one known.
      for (let i = last.requests; i < now.requests; i += 1) calls.push(now.lastRequestAt);
      last = now;
    }
    return {
      screens,
      seconds,
      viewerRequests: counters.reduce((n, c) => n + c.count, 0) - viewersBefore,
      upstreamCalls: calls,
    };
  } finally {
    await context.close();
  }
}
