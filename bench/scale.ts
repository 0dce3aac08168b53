/** Ten times a real answer: main-thread work per refresh, and a keystroke's suggestions. */
import type { Browser, CDPSession, Locator, Page } from '@playwright/test';
import { historyOnScreen, newContext, RefreshCounter, sleep, withTimeout } from './browser.ts';
import { armKeystroke, installProbe, keystrokeResult, type BenchWindow } from './probe.ts';

/** Waits until the page shows data: a pool, or the summary line. */
async function dataShown(page: Page, timeoutMs: number): Promise<void> {
  await withTimeout(
    page.evaluate(() => {
      const { until } = (window as unknown as BenchWindow).__bench;
      return Promise.race([until('firstPool'), until('summary')]);
    }),
    timeoutMs,
    'data on screen',
  );
}

async function metrics(cdp: CDPSession): Promise<Record<string, number>> {
  const { metrics: list } = await cdp.send('Performance.getMetrics');
  return Object.fromEntries(list.map((m) => [m.name, m.value]));
}

export interface RefreshWork {
  refreshes: number;
  /** Main-thread milliseconds per refresh (CPU time of the renderer's main thread). */
  taskMs: number;
  scriptMs: number;
  layoutMs: number;
  styleMs: number;
  /** Long tasks (over 50 ms) seen in the window, and the longest. */
  longTasks: number;
  longestMs: number;
  clock: 'threadTicks' | 'timeTicks';
  /** Sparklines and change figures on the page at the end: the history the refreshes carried. */
  history: { sparklines: number; changes: number };
}

export async function refreshWork(
  browser: Browser,
  url: string,
  { warmup, refreshes }: { warmup: number; refreshes: number },
): Promise<RefreshWork> {
  const context = await newContext(browser);
  try {
    await context.addInitScript(installProbe, 1);
    const page = await context.newPage();
    const counter = new RefreshCounter(page);
    await page.goto(url);
    await dataShown(page, 20_000);
    await counter.reach(warmup, 30_000);
    const cdp = await context.newCDPSession(page);
    let clock: RefreshWork['clock'] = 'threadTicks';
    try {
      await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
    } catch {
      clock = 'timeTicks';
      await cdp.send('Performance.enable', { timeDomain: 'timeTicks' });
    }
    const r0 = counter.count;
    const m0 = await metrics(cdp);
    const p0 = await page.evaluate(() => performance.now());
    await counter.reach(r0 + refreshes, refreshes * 3000 + 10_000);
    const m1 = await metrics(cdp);
    const p1 = await page.evaluate(() => performance.now());
    const n = counter.count - r0;
    const per = (name: string) => (((m1[name] ?? 0) - (m0[name] ?? 0)) * 1000) / n;
    const tasks = await page.evaluate(
      ([from, to]) =>
        (window as unknown as BenchWindow).__bench.longTasks.filter(
          (t) => t.start >= from! && t.start <= to!,
        ),
      [p0, p1],
    );
    const history = await historyOnScreen(page);
    return {
      history,
      refreshes: n,
      taskMs: per('TaskDuration'),
      scriptMs: per('ScriptDuration'),
      layoutMs: per('LayoutDuration'),
      styleMs: per('RecalcStyleDuration'),
      longTasks: tasks.length,
      longestMs: tasks.reduce((m, t) => Math.max(m, t.duration), 0),
      clock,
    };
  } finally {
    await context.close();
  }
}

async function searchBox(page: Page): Promise<Locator | undefined> {
  const box = page
    .getByRole('combobox', { name: 'Search symbol' })
    .or(page.getByRole('searchbox', { name: 'Search symbol' }))
    .first();
  try {
    await box.waitFor({ state: 'visible', timeout: 5_000 });
    return box;
  } catch {
    return undefined;
  }
}

/** Prefixes typed one key at a time: real symbols spread over the whole list, ASCII only. */
export function searchQueries(symbols: string[], count: number, length = 3): string[] {
  const typeable = symbols.filter((s) => /^[A-Z0-9]{3,}/.test(s)).sort();
  const queries: string[] = [];
  for (let i = 0; i < count && typeable.length > 0; i += 1) {
    const symbol = typeable[Math.floor(((i + 0.5) * typeable.length) / count)]!;
    queries.push(symbol.slice(0, length));
  }
  return queries;
}

export interface KeystrokeTimes {
  dom: number[];
  painted: number[];
  /** Keystrokes after which the suggestions did not change within the timeout. */
  unchanged: number;
}

export async function searchLatency(
  browser: Browser,
  url: string,
  queries: string[],
): Promise<KeystrokeTimes | undefined> {
  const context = await newContext(browser);
  try {
    await context.addInitScript(installProbe, 1);
    const page = await context.newPage();
    await page.goto(url);
    await dataShown(page, 20_000);
    const box = await searchBox(page);
    if (!box) return undefined;
    await box.click();
    const times: KeystrokeTimes = { dom: [], painted: [], unchanged: 0 };
    for (const query of queries) {
      await box.fill('');
      await sleep(300);
      for (const key of query) {
        await page.evaluate(armKeystroke, 1_000);
        await page.keyboard.press(key);
        const result = await page.evaluate(keystrokeResult);
        if (result) {
          times.dom.push(result.dom);
          times.painted.push(result.painted);
        } else times.unchanged += 1;
        // A typist's pace, so that one keystroke's work does not overlap the next.
        await sleep(150);
      }
    }
    return times;
  } finally {
    await context.close();
  }
}
