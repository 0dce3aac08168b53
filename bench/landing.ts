/** Cold loads: from navigation start to the first pool, and to every pool, on screen. */
import type { Browser, Page } from '@playwright/test';
import { newContext, withTimeout } from './browser.ts';
import { installProbe, type BenchWindow } from './probe.ts';
import { ENDPOINT } from './stack.ts';

/** What the page shows pools as: the overview's pools, or (until it exists) the summary line. */
export type Target = 'allPools' | 'firstPool' | 'summary';

export interface Landing {
  ms: number;
  /** Where the time went, in ms since navigation start: the page, the data, the entry script. */
  html: number;
  data: { start: number; end: number } | undefined;
  scripts: number;
}

async function timings(page: Page) {
  return page.evaluate((endpoint) => {
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
    const resources = performance.getEntriesByType('resource') as PerformanceResourceTiming[];
    const data = resources.find((r) => new URL(r.name).pathname === endpoint);
    // The entry script: the first one asked for (lazy chunks come later).
    const scripts = resources
      .filter((r) => r.name.endsWith('.js'))
      .sort((a, b) => a.startTime - b.startTime)[0]?.responseEnd;
    return {
      html: nav.responseEnd,
      data: data && { start: data.startTime, end: data.responseEnd },
      scripts: scripts ?? NaN,
    };
  }, ENDPOINT);
}

/** One cold load in a fresh context; the time to `target`, or an error if it never comes. */
export async function loadOnce(
  browser: Browser,
  url: string,
  expectedPools: number,
  target: Target,
  timeoutMs = 20_000,
): Promise<Landing> {
  const context = await newContext(browser);
  try {
    await context.addInitScript(installProbe, expectedPools);
    const page = await context.newPage();
    await page.goto(url, { waitUntil: 'commit' });
    const ms = await withTimeout(
      page.evaluate((name) => (window as unknown as BenchWindow).__bench.until(name), target),
      timeoutMs,
      `${target} at ${url}`,
    );
    return { ms, ...(await timings(page)) };
  } finally {
    await context.close();
  }
}

/** Whether the app shows one element per pool yet; if not, the summary line stands in. */
export async function detectTarget(
  browser: Browser,
  url: string,
  expectedPools: number,
): Promise<{ target: Target; poolsSeen: number }> {
  const context = await newContext(browser);
  try {
    await context.addInitScript(installProbe, expectedPools);
    const page = await context.newPage();
    await page.goto(url);
    const seen = () =>
      page.evaluate(() => {
        const { marks } = (window as unknown as BenchWindow).__bench;
        return { all: marks.allPools, summary: marks.summary, poolsSeen: marks.poolsSeen };
      });
    // Up to 10 s for every pool; the summary alone after 6 s means the overview is not there yet.
    for (let i = 0; i < 50; i += 1) {
      const s = await seen();
      if (s.all !== undefined) return { target: 'allPools', poolsSeen: s.poolsSeen };
      if (s.summary !== undefined && s.poolsSeen === 0 && i >= 30)
        return { target: 'summary', poolsSeen: 0 };
      await page.waitForTimeout(200);
    }
    const s = await seen();
    if (s.poolsSeen > 0) return { target: 'firstPool', poolsSeen: s.poolsSeen };
    if (s.summary !== undefined) return { target: 'summary', poolsSeen: 0 };
    throw new Error(`${url} shows neither pools nor the summary within 10 s`);
  } finally {
    await context.close();
  }
}
