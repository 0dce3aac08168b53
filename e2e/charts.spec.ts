import { expect, test, type Locator, type Page } from '@playwright/test';
import { compareDecimals, formatExact } from '../src/core/decimal';
import { leadingSymbol } from '../src/core/pools';
import {
  openWithAnswer,
  watchPageErrors,
  withoutServerRender,
  type UpstreamPool,
} from './fixtures';

/** The chart draws the largest 50 pools of an asset; the table lists every one. */
const MAX_BARS = 50;
const ENDPOINT = '/fapi/v1/insuranceBalance';

/** Opens the page (refresh an hour away) and returns the upstream answer the charts show. */
async function open(page: Page, query = ''): Promise<UpstreamPool[]> {
  const pools = await openWithAnswer(page, `/?refresh=3600${query}`);
  await expect(
    page.getByTestId('asset-chart').first().locator('.recharts-bar-rectangle').first(),
  ).toBeVisible();
  return pools;
}

function holders(pools: UpstreamPool[]): Map<string, { pool: UpstreamPool; balance: string }[]> {
  const byAsset = new Map<string, { pool: UpstreamPool; balance: string }[]>();
  for (const pool of pools)
    for (const a of pool.assets)
      byAsset.set(a.asset, [...(byAsset.get(a.asset) ?? []), { pool, balance: a.marginBalance }]);
  return byAsset;
}

const chart = (page: Page, asset: string) =>
  page.locator(`[data-testid="asset-chart"][data-asset="${asset}"]`);

async function barWidths(scope: Locator): Promise<number[]> {
  return scope
    .locator('[data-testid="asset-bar"] rect')
    .evaluateAll((rects) => rects.map((r) => r.getBoundingClientRect().width));
}

test('one chart per asset, one bar per holding pool, largest first, each with its exact balance', async ({
  page,
}) => {
  const errors = watchPageErrors(page);
  const pools = await open(page);
  const byAsset = holders(pools);
  await expect(page.getByTestId('asset-chart')).toHaveCount(byAsset.size);
  for (const [asset, held] of byAsset) {
    const bars = chart(page, asset).locator('.recharts-bar-rectangle');
    await expect(bars, asset).toHaveCount(Math.min(held.length, MAX_BARS));
    const values = await chart(page, asset)
      .getByTestId('asset-bar')
      .evaluateAll((links) => links.map((l) => l.getAttribute('data-value')!));
    const expected = held.map((h) => h.balance).sort((a, b) => compareDecimals(b, a));
    expect(values, asset).toEqual(expected.slice(0, MAX_BARS));
  }
  await expect(page.getByRole('figure', { name: /^USDT: balance of each pool/ })).toBeVisible();
  expect(errors).toEqual([]);
});

test('the scale toggle rewrites the link in place and redraws the bars', async ({ page }) => {
  await open(page, '&lang=en');
  const usdt = chart(page, 'USDT');
  const logWidths = await barWidths(usdt);
  const entries = await page.evaluate(() => history.length);

  await page.getByText('Linear', { exact: true }).click();
  await expect(page).toHaveURL(/[?&]scale=linear/);
  await expect(usdt.locator('.recharts-xAxis-tick-labels text').first()).toHaveText('0');
  const linearWidths = await barWidths(usdt);
  expect(linearWidths).toHaveLength(logWidths.length);
  // Balances span five orders of magnitude: on a linear axis most bars shrink to slivers.
  const sum = (w: number[]) => w.reduce((a, b) => a + b, 0);
  expect(sum(linearWidths)).toBeLessThan(sum(logWidths) / 2);
  expect(Math.min(...linearWidths)).toBeGreaterThanOrEqual(2.5);
  expect(await page.evaluate(() => history.length)).toBe(entries);
  expect(new URL(page.url()).searchParams.get('lang')).toBe('en');

  await page.reload();
  await expect(page.getByRole('radio', { name: 'Linear' })).toBeChecked();
  await page.getByText('Logarithmic', { exact: true }).click();
  await expect(page).not.toHaveURL(/scale=/);
  await expect.poll(async () => sum(await barWidths(usdt))).toBeGreaterThan(sum(linearWidths) * 2);
});

test('clicking a bar opens its pool as a new history entry, and Back returns to the charts', async ({
  page,
}) => {
  const pools = await open(page, '&scale=linear');
  const second = [...holders(pools).get('USDT')!].sort((a, b) =>
    compareDecimals(b.balance, a.balance),
  )[1]!.pool;
  // the bar opens the symbol the pool is named after, not its first member as listed
  const first = leadingSymbol(second)!;
  const bar = chart(page, 'USDT').getByTestId('asset-bar').nth(1);
  await expect(bar).toHaveAttribute('href', `/?refresh=3600&scale=linear&symbol=${first}`);
  await bar.click();

  await expect(page).toHaveURL(new RegExp(`[?&]symbol=${first}(&|$)`));
  expect(new URL(page.url()).searchParams.get('scale')).toBe('linear');
  const pool = page.getByTestId('symbol-pool');
  await expect(pool).toContainText(first);
  for (const a of second.assets)
    await expect(pool.locator(`[data-testid="balance"][data-asset="${a.asset}"]`)).toHaveAttribute(
      'data-value',
      a.marginBalance,
    );
  // the symbol view shows the pool's history, on the scale the charts had
  await expect(page.getByRole('radio', { name: 'Linear' })).toBeChecked();
  await page.goBack();
  await expect(page).not.toHaveURL(/symbol=/);
  await expect(chart(page, 'USDT').locator('rect[data-highlighted]')).toHaveCount(0);
});

test('zero and dust balances stay visible on the log scale, and the tooltip is exact and says why', async ({
  page,
}) => {
  const t = Date.UTC(2026, 10, 21, 4, 30);
  const fake: UpstreamPool[] = [
    {
      symbols: ['BTCUSDT', 'ETHUSDT'],
      assets: [{ asset: 'USDT', marginBalance: '793930579.315848', updateTime: t }],
    },
    { symbols: ['BSWUSDT'], assets: [{ asset: 'USDT', marginBalance: '0', updateTime: t }] },
    {
      symbols: ['DUSTUSDT'],
      assets: [{ asset: 'USDT', marginBalance: '0.00000001', updateTime: t }],
    },
  ];
  await withoutServerRender(page);
  await page.route(`**${ENDPOINT}`, (route) => route.fulfill({ json: fake }));
  await page.goto('/?refresh=3600');
  const usdt = chart(page, 'USDT');
  await expect(usdt.getByTestId('asset-bar')).toHaveCount(3);
  const widths = await barWidths(usdt);
  expect(Math.min(...widths)).toBeGreaterThanOrEqual(2.5);

  await usdt.getByTestId('asset-bar').nth(2).hover();
  const tip = page.getByTestId('chart-tooltip');
  await expect(tip).toContainText(`${formatExact('0', 'en')} USDT`);
  await expect(tip).toContainText('1 symbol');
  await expect(tip).toContainText('Below the log scale’s lower bound');

  await usdt.getByTestId('asset-bar').first().hover();
  await expect(tip).toContainText('793,930,579.315848 USDT');
  await expect(tip).toContainText('2 symbols · Leading: BTCUSDT, ETHUSDT');
  await expect(tip).not.toContainText('lower bound');
});

test('the keyboard walks a chart bar by bar, reads each pool out and opens it with Enter', async ({
  page,
}) => {
  const pools = await open(page);
  const sorted = [...holders(pools).get('USDT')!].sort((a, b) =>
    compareDecimals(b.balance, a.balance),
  );
  const usdt = chart(page, 'USDT');
  const surface = usdt.getByRole('application', {
    name: 'USDT balance by pool, logarithmic scale',
  });
  await surface.focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  const readout = usdt.getByTestId('chart-readout');
  await expect(readout).toContainText(`${formatExact(sorted[1]!.balance, 'en')} USDT`);
  await expect(readout).toContainText('Press Enter to open this pool.');
  await expect(usdt.locator('rect[data-focused]')).toHaveCount(1);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`[?&]symbol=${leadingSymbol(sorted[1]!.pool)}(&|$)`));
});

test('each chart has a data table a keyboard user can open, listing every pool with links', async ({
  page,
}) => {
  const pools = await open(page);
  const usdt = holders(pools).get('USDT')!;
  const summary = chart(page, 'USDT').getByText('Table: USDT balance of each pool');
  await summary.focus();
  await page.keyboard.press('Enter');
  const table = page.getByRole('table', { name: 'Table: USDT balance of each pool' });
  await expect(table.getByRole('row')).toHaveCount(usdt.length + 1);
  const values = await table
    .locator('td[data-value]')
    .evaluateAll((cells) => cells.map((c) => c.getAttribute('data-value')));
  expect(values).toEqual(usdt.map((h) => h.balance).sort((a, b) => compareDecimals(b, a)));
  await page.keyboard.press('Tab');
  await expect(table.getByRole('link').first()).toBeFocused();
});

test('Recharts arrives in its own chunk, not in the entry script', async ({ page }) => {
  const scripts: string[] = [];
  page.on('response', (r) => {
    if (r.url().endsWith('.js')) scripts.push(r.url());
  });
  await open(page);
  const entry = await page.locator('script[type="module"][src]').getAttribute('src');
  const entryText = await (await page.request.get(entry!)).text();
  expect(entryText).not.toContain('recharts-surface');
  const chunks = scripts.filter((s) => !s.endsWith(entry!));
  const texts = await Promise.all(chunks.map(async (s) => (await page.request.get(s)).text()));
  expect(texts.some((t) => t.includes('recharts-surface'))).toBe(true);
});

test('a refresh that brings the same figures leaves the charts untouched', async ({ page }) => {
  const t = Date.UTC(2026, 10, 21, 4, 30);
  const same: UpstreamPool[] = [
    {
      symbols: ['BTCUSDT'],
      assets: [{ asset: 'USDT', marginBalance: '793930579.315848', updateTime: t }],
    },
    {
      symbols: ['XRPUSDT'],
      assets: [{ asset: 'USDT', marginBalance: '314151411.06482935', updateTime: t }],
    },
  ];
  let answers = 0;
  await withoutServerRender(page);
  await page.route(`**${ENDPOINT}`, (route) => {
    answers += 1;
    return route.fulfill({ json: same });
  });
  await page.goto('/?refresh=1');
  const usdt = chart(page, 'USDT');
  await expect(usdt.getByTestId('asset-bar')).toHaveCount(2);
  await usdt.evaluate((figure) => {
    const w = window as unknown as { chartMutations: number };
    w.chartMutations = 0;
    new MutationObserver((m) => (w.chartMutations += m.length)).observe(figure, {
      subtree: true,
      childList: true,
      attributes: true,
      characterData: true,
    });
  });
  const seen = answers;
  await expect.poll(() => answers, { timeout: 10_000 }).toBeGreaterThanOrEqual(seen + 2);
  expect(
    await page.evaluate(() => (window as unknown as { chartMutations: number }).chartMutations),
  ).toBe(0);
});

test('if the charts cannot load, the page says so in words and the pools list stays', async ({
  page,
}) => {
  await page.route('**/assets/asset-charts-*.js', (route) => route.abort());
  await page.goto('/?refresh=3600');
  await expect(page.getByRole('alert')).toContainText('failed to show');
  await expect(page.getByTestId('pool').first()).toBeVisible();
  await expect(page.getByRole('button', { name: 'Download CSV' })).toBeVisible();
});
