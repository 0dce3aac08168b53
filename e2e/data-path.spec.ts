import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { OUT_DIR } from '../playwright.config.ts';
import { formatExact } from '../src/core/decimal';
import { openWithAnswer, watchPageErrors } from './fixtures';

const ENDPOINT = '/fapi/v1/insuranceBalance';

test('the demo snapshot travels through the proxy to the screen, badged as demo data', async ({
  page,
}) => {
  const errors = watchPageErrors(page);
  const pools = await openWithAnswer(page, '/?refresh=2');
  const symbols = pools.reduce((n, p) => n + p.symbols.length, 0);
  await expect(page.getByTestId('summary')).toContainText(`${pools.length} pools`);
  await expect(page.getByTestId('summary')).toContainText(`${symbols} symbols`);
  await expect(page.getByTestId('demo-badge')).toHaveText('Demo data');
  await expect(page.getByTestId('freshness')).toHaveAttribute('data-state', 'live');
  // Later snapshots come from the browser's own requests through the same proxy.
  const refresh = await page.waitForResponse((r) => new URL(r.url()).pathname === ENDPOINT);
  expect(refresh.status()).toBe(200);
  await expect(page.getByTestId('freshness')).toHaveAttribute('data-state', 'live');
  expect(errors).toEqual([]);
});

test.describe('with scripts off', () => {
  // A Chinese browser: its Accept-Language asks for zh-CN.
  test.use({ javaScriptEnabled: false, locale: 'zh-CN' });

  test('the page arrives with every pool and exact balance in it, in the browser’s language', async ({
    page,
  }) => {
    const pools = await openWithAnswer(page, '/');
    await expect(page.getByTestId('pool')).toHaveCount(pools.length);
    const first = pools[0]!;
    const card = page.getByTestId('pool').filter({ hasText: first.symbols[0]! }).first();
    for (const symbol of first.symbols) await expect(card).toContainText(symbol);
    const { asset, marginBalance } = first.assets[0]!;
    await expect(
      card.locator(`[data-testid="balance"][data-asset="${asset}"][data-value="${marginBalance}"]`),
    ).toContainText(formatExact(marginBalance, 'zh-CN'));
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
    await expect(page).toHaveTitle(/保险基金/);
    await expect(page.getByTestId('freshness')).toHaveAttribute('data-state', 'live');
  });
});

test.describe('on a dark system, with scripts off', () => {
  test.use({ javaScriptEnabled: false, colorScheme: 'dark' });

  test('the page is dark from its first paint once the browser has said so', async ({ page }) => {
    const first = await page.goto('/');
    expect(first?.headers()['accept-ch']).toContain('Sec-CH-Prefers-Color-Scheme');
    await page.goto('/');
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    await page.goto('/?theme=light');
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  });
});

for (const query of [
  '',
  '?lang=zh-CN',
  '?view=wall',
  '?theme=dark&sort=members',
  '?symbol=btcusdt',
]) {
  test(`the app takes over the server's page as it stands: /${query}`, async ({ page }) => {
    const errors = watchPageErrors(page);
    const warnings: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'warning' || m.type() === 'error') warnings.push(m.text());
    });
    const overviewRequests: string[] = [];
    page.on('request', (r) => {
      const url = new URL(r.url());
      if (url.pathname === ENDPOINT && !url.searchParams.has('symbol'))
        overviewRequests.push(r.url());
    });
    const pools = await openWithAnswer(page, `/${query}${query ? '&' : '?'}refresh=3600`);
    const view = query.includes('wall')
      ? page.getByTestId('wall')
      : query.includes('symbol')
        ? page.getByTestId('symbol-pool')
        : page.getByTestId('summary');
    await expect(view).toBeVisible();
    // The overview lists every pool; the symbol view shows the one pool, the wall a page of them.
    if (!query.includes('wall') && !query.includes('symbol'))
      await expect(page.getByTestId('pool')).toHaveCount(pools.length);
    // Hydrated: the local clock only the browser can write is there.
    await expect(page.getByTestId('freshness')).toContainText(/\d\d:\d\d:\d\d/);
    await page.waitForTimeout(500);
    expect(overviewRequests).toEqual([]);
    expect(warnings.filter((w) => !w.includes('status of 400'))).toEqual([]);
    expect(errors).toEqual([]);
  });
}

test('the page is painted before the app’s code is compiled or run; that code travels meanwhile', async () => {
  const html = await readFile(join(OUT_DIR, 'index.html'), 'utf8');
  const entry = /<script type="module"[^>]*\bsrc="\/(assets\/[^"]+\.js)"/.exec(html)?.[1];
  expect(entry).toBeDefined();
  // The app is asked for with the page, as a plain fetch: a `modulepreload` would compile it.
  const early = [
    ...html.matchAll(/<link rel="preload" as="script" crossorigin href="\/([^"]+)">/g),
  ];
  const app = early.map((m) => m[1]!);
  expect(app.some((f) => /\/start-[\w-]+\.js$/.test(f))).toBe(true);
  expect(html).not.toContain('rel="modulepreload"');
  // The entry imports none of it statically: a static import would run the whole app before the
  // entry's first line, ahead of the first frame (the entry imports it once that frame is shown).
  const code = await readFile(join(OUT_DIR, entry!), 'utf8');
  const imports = [...code.matchAll(/\bimport\s*(?:[^'"`()]*?from\s*)?["'`]\.\/([^"'`]+)["'`]/g)];
  for (const [, file] of imports) expect(app).not.toContain(`assets/${file}`);
  expect(code).toMatch(/import\(`\.\/start-[\w-]+\.js`\)/);
});
