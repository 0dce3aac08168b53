/** The system Chromium, as the end-to-end tests drive it, and small helpers for its pages. */
import { chromium, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { chromiumLaunch } from '../playwright.config.ts';
import { ENDPOINT } from './stack.ts';

export function launch(): Promise<Browser> {
  return chromium.launch({ ...chromiumLaunch, headless: true });
}

/**
 * A fresh context: empty HTTP cache, its own renderer process. Functions handed to the page are
 * compiled by tsx, which may wrap them in `__name(…)`; the page gets a stand-in for it.
 */
export async function newContext(browser: Browser): Promise<BrowserContext> {
  const context = await browser.newContext({
    locale: 'en-US',
    timezoneId: 'UTC',
    viewport: { width: 1280, height: 900 },
  });
  await context.addInitScript({ content: 'globalThis.__name = (f) => f;' });
  return context;
}

/** Counts the page's answers from the endpoint (the pool list, not a symbol's pool): its refreshes. */
export class RefreshCounter {
  count = 0;
  errors = 0;
  private waiters: { n: number; resolve: () => void }[] = [];

  constructor(page: Page) {
    page.on('response', (response) => {
      if (new URL(response.url()).pathname !== ENDPOINT) return;
      if (new URL(response.url()).searchParams.has('symbol')) return;
      this.count += 1;
      if (!response.ok()) this.errors += 1;
      this.waiters = this.waiters.filter((w) => {
        if (this.count < w.n) return true;
        w.resolve();
        return false;
      });
    });
  }

  /** Resolves once `n` answers in all have arrived. */
  reach(n: number, timeoutMs: number): Promise<void> {
    if (this.count >= n) return Promise.resolve();
    return withTimeout(
      new Promise<void>((resolve) => this.waiters.push({ n, resolve })),
      timeoutMs,
      `refresh ${n} (at ${this.count})`,
    );
  }
}

export function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms waiting for ${what}`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** What of the recorded history the page shows: sparklines drawn and change figures given. */
export async function historyOnScreen(
  page: Page,
): Promise<{ sparklines: number; changes: number }> {
  return page.evaluate(() => ({
    sparklines: document.querySelectorAll('[data-testid="sparkline"]').length,
    changes: document.querySelectorAll('[data-testid="change"]').length,
  }));
}
