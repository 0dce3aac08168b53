import { expect } from '@playwright/test';
import { MAX_BARS } from '../src/features/charts/chart-data';
import type { Page } from '@playwright/test';
import { test, type UpstreamPool } from './fixtures';

/** A pool's members as the row holds them: its data-pool-key is the sorted member list. */
const keyOf = (pool: UpstreamPool) => [...pool.symbols].sort().join(',');

/**
 * Opens the page and returns the pool list, asked of the proxy: the upstream stands still for an
 * hour, so it is the list on the page. Not taken from the page itself: with the cache off, each
 * request renders 600 pools anew, and on a busy machine that render may miss its wait, so the
 * page comes as the plain shell the browser fills alone, which must show the same rows.
 */
async function openLongList(page: Page, url: string): Promise<UpstreamPool[]> {
  await page.goto(url);
  const answer = await page.request.get(new URL('/fapi/v1/insuranceBalance', url).href);
  expect(answer.ok()).toBe(true);
  return (await answer.json()) as UpstreamPool[];
}

test.describe('a list ten times the live answer', () => {
  test.use({ stackOptions: { cacheTtl: '0', upFirst: false } });

  test('keeps every pool and member on the page, and shows a far row its exact balances once it is scrolled to', async ({
    page,
    stack,
  }) => {
    // An hour a step: the balances stand still while the test reads them.
    await stack.startUpstream({ pools: 600, symbols: 6000, stepMs: 3_600_000 });
    const pools = await openLongList(page, `${stack.baseURL}/?refresh=3600&sort=name`);
    const rows = page.getByTestId('pool');
    await expect(rows).toHaveCount(pools.length);
    expect(pools.length).toBeGreaterThan(500);

    // Every member of every pool is on the page as text, near the screen or not.
    const keys = await rows.evaluateAll((all) => all.map((r) => r.getAttribute('data-pool-key')));
    expect(new Set(keys)).toEqual(new Set(pools.map(keyOf)));

    const last = rows.last();
    const pool = pools.find((p) => keyOf(p) === (keys.at(-1) ?? ''))!;
    await expect(last).toHaveAttribute('aria-busy', 'true');
    await expect(last.getByTestId('balance')).toHaveCount(0);

    await last.scrollIntoViewIfNeeded();
    await expect(last).not.toHaveAttribute('aria-busy');
    const shown = await last
      .getByTestId('balance')
      .evaluateAll((all) => all.map((b) => [b.dataset.asset, b.dataset.value]));
    expect(shown).toEqual(pool.assets.map((a) => [a.asset, a.marginBalance]));
    // The rows at the top, now far away, let their figures go.
    await expect(rows.first()).toHaveAttribute('aria-busy', 'true');
  });

  test("draws the charts when they are scrolled to, with the largest pools' bars", async ({
    page,
    stack,
  }) => {
    await stack.startUpstream({ pools: 600, symbols: 6000, stepMs: 3_600_000 });
    const pools = await openLongList(page, `${stack.baseURL}/?refresh=3600`);
    await expect(page.getByTestId('pool')).toHaveCount(pools.length);
    const charts = page.getByTestId('charts');
    await expect(charts).toHaveAttribute('data-held', 'true');
    await expect(charts).toContainText('drawn when you scroll to them');
    await expect(page.getByTestId('asset-chart')).toHaveCount(0);

    await charts.scrollIntoViewIfNeeded();
    const usdt = page.locator('[data-testid="asset-chart"][data-asset="USDT"]');
    await expect(usdt).toBeVisible({ timeout: 15_000 });
    await expect(charts).not.toHaveAttribute('data-held');
    // A chart draws the largest holders of its asset (the rest are in its table).
    const holders = pools.filter((p) => p.assets.some((a) => a.asset === 'USDT')).length;
    await expect(usdt.locator('.recharts-bar-rectangle')).toHaveCount(Math.min(holders, MAX_BARS));
  });
});
