import { expect, test, type Page, type Response } from '@playwright/test';
import type { HistoryAnswer } from '../src/core/history';
import { watchPageErrors } from './fixtures';

/**
 * The symbol view's history on the shared server, which holds 30 days of generated history
 * (LINKUSDT changes pools 10 days ago, a pool of new listings appears 5 days ago) and records on.
 */

const HOUR = 3_600_000;
const isHistory = (r: Response) => new URL(r.url()).pathname === '/api/history';

/** Opens a symbol view and returns the history answer its charts draw. */
async function openHistory(page: Page, query: string): Promise<HistoryAnswer> {
  const answered = page.waitForResponse(isHistory);
  await page.goto(`/?refresh=3600&${query}`);
  const answer = (await (await answered).json()) as HistoryAnswer;
  await expect(
    page.getByTestId('history-chart').first().locator('.recharts-line-curve'),
  ).toBeVisible();
  return answer;
}

const rangeLink = (page: Page, name: string) =>
  page.getByRole('navigation', { name: 'Range' }).getByRole('link', { name });
const current = (page: Page) =>
  page.getByRole('navigation', { name: 'Range' }).locator('[aria-current="true"]');

test('the symbol view shows its pool, then its history, then its events, not the overview', async ({
  page,
}) => {
  const errors = watchPageErrors(page);
  await openHistory(page, 'symbol=BTCUSDT');
  const pool = page.getByTestId('symbol-pool');
  const history = page.getByRole('region', { name: 'History of the pool' });
  const events = page.getByRole('region', { name: 'Events of this pool' });
  await expect(pool).toContainText('BTCUSDT');
  await expect(events).toBeVisible();
  const tops = await Promise.all(
    [pool, history, events].map(async (l) => (await l.boundingBox())!.y),
  );
  expect([...tops].sort((a, b) => a - b)).toEqual(tops);
  await expect(page.getByTestId('pool')).toHaveCount(0);
  await expect(page.getByTestId('asset-chart')).toHaveCount(0);
  // the overview is one click away
  await page.getByRole('button', { name: 'Show all pools' }).click();
  await expect(page.getByTestId('pool').first()).toBeVisible();
  expect(errors).toEqual([]);
});

test('each chart draws as many points as the answer holds, one per asset, thinned to the width', async ({
  page,
}) => {
  const answer = await openHistory(page, 'symbol=BTCUSDT&range=30d');
  const asked = new URL(page.url());
  expect(asked.searchParams.get('range')).toBe('30d');
  for (const series of answer.series.filter((s) => s.points.length > 0)) {
    const chart = page.locator(`[data-testid="history-chart"][data-asset="${series.asset}"]`);
    await expect(chart, series.asset).toHaveAttribute('data-points', String(series.points.length));
    expect(series.points.length).toBeLessThanOrEqual(1000);
  }
  await expect(page.getByTestId('history-value-chart')).toBeVisible();
});

test('the range links are bookmarks, and Back and Forward walk through them', async ({ page }) => {
  await openHistory(page, 'symbol=BTCUSDT');
  await expect(current(page)).toHaveText('Last 7 days');

  let answered = page.waitForResponse(isHistory);
  await rangeLink(page, 'Last 24 hours').click();
  await expect(page).toHaveURL(/[?&]range=24h(&|$)/);
  const day = new URL((await answered).url());
  expect(Date.now() - Number(day.searchParams.get('from'))).toBeLessThan(24 * HOUR + 60_000);
  await expect(current(page)).toHaveText('Last 24 hours');

  answered = page.waitForResponse(isHistory);
  await rangeLink(page, 'Last hour').click();
  await expect(page).toHaveURL(/[?&]range=1h(&|$)/);
  await answered;

  await page.goBack();
  await expect(page).toHaveURL(/[?&]range=24h(&|$)/);
  await expect(current(page)).toHaveText('Last 24 hours');
  await page.goBack();
  await expect(page).not.toHaveURL(/range=/);
  await expect(current(page)).toHaveText('Last 7 days');
  await page.goForward();
  await expect(current(page)).toHaveText('Last 24 hours');

  // a bookmark opens on its range; a bad one falls back to the last 7 days
  await openHistory(page, 'symbol=BTCUSDT&range=30d');
  await expect(current(page)).toHaveText('Last 30 days');
  await openHistory(page, 'symbol=BTCUSDT&range=99d');
  await expect(current(page)).toHaveText('Last 7 days');
  const said = page.getByRole('region', { name: 'History of the pool' }).getByRole('alert');
  await expect(said).toContainText('The link asks for the range “99d”');
  await expect(said).toContainText('Shown instead: Last 7 days.');
  // picking a range leaves the bad one behind, and the message with it
  await rangeLink(page, 'Last 30 days').click();
  await expect(page).toHaveURL(/[?&]range=30d(&|$)/);
  await expect(said).toHaveCount(0);
});

test('a change of pool is marked on the time axis, the line cut there, and listed as an event', async ({
  page,
}) => {
  const answer = await openHistory(page, 'symbol=LINKUSDT&range=30d');
  expect(answer.pools.length).toBeGreaterThanOrEqual(2);
  const moved = answer.pools[1]!.from;
  const mark = page.getByTestId('regrouping');
  await expect(mark).toHaveCount(1);
  await expect(mark).toHaveAttribute('data-at', String(moved));
  await expect(mark).toContainText('LINKUSDT moved from the pool');
  const chart = page.locator('[data-testid="history-chart"][data-asset="USDT"]');
  await expect(chart.locator('.recharts-reference-line')).toHaveCount(1);
  // never one line through the regrouping: the balance after it is another pool's
  const d = await chart.locator('.recharts-line-curve').getAttribute('d');
  expect((d!.match(/M/g) ?? []).length).toBeGreaterThanOrEqual(2);
  expect(Number(await chart.getAttribute('data-lines'))).toBeGreaterThanOrEqual(2);

  const event = page
    .getByRole('region', { name: 'Events of this pool' })
    .locator('[data-testid="event"][data-kind="moved"]');
  await expect(event).toHaveCount(1);
  await expect(event).toContainText('LINKUSDT');
  // over the last week the move is out of range: no mark, no event
  await openHistory(page, 'symbol=LINKUSDT');
  await expect(page.getByTestId('regrouping')).toHaveCount(0);
  await expect(page.locator('[data-testid="event"][data-kind="moved"]')).toHaveCount(0);
});

test('the keyboard walks a chart’s points and reads out the exact balance and its time', async ({
  page,
}) => {
  const answer = await openHistory(page, 'symbol=BTCUSDT&range=24h');
  const series = answer.series.find((s) => s.asset === 'USDT')!;
  const chart = page.locator('[data-testid="history-chart"][data-asset="USDT"]');
  const keys = chart.getByRole('application', { name: /USDT balance over time/ });
  await keys.focus();
  await page.keyboard.press('Home');
  const first = series.points[0]!;
  const readout = chart.getByTestId('history-readout');
  await expect(readout.locator('[data-value]')).toHaveAttribute('data-value', first.balance);
  await expect(readout).toContainText(`${new Date(first.t).toISOString().slice(11, 19)} UTC`);
  await page.keyboard.press('ArrowRight');
  await expect(readout.locator('[data-value]')).toHaveAttribute(
    'data-value',
    series.points[1]!.balance,
  );
});

test('the overview lists the last week’s events below the summary, each linking to its pool', async ({
  page,
}) => {
  await page.goto('/?refresh=3600');
  const list = page.getByRole('region', { name: 'Recent events' });
  await expect(list.getByTestId('event').first()).toBeVisible();
  const all = list.getByRole('button', { name: /^Show all \d+ events$/ });
  if (await all.count()) await all.click();
  const appeared = list.locator('[data-testid="event"][data-kind="appeared"]');
  await expect(appeared).toHaveCount(1);
  await expect(appeared).toContainText('MITOUSDT');
  // newest first
  const times = await list
    .getByTestId('event')
    .evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-at'))));
  expect([...times].sort((a, b) => b - a)).toEqual(times);
  expect(Date.now() - Math.min(...times)).toBeLessThanOrEqual(7 * 24 * HOUR + 60_000);
  await appeared.getByRole('link').first().click();
  await expect(page).toHaveURL(/[?&]symbol=(MITO|NEWT|SAHARA)USDT(&|$)/);
  await expect(page.getByTestId('symbol-pool')).toContainText('MITOUSDT');
});

test('a symbol the history has not seen says so in words, the pool still on screen', async ({
  page,
}) => {
  await page.route('**/api/history?*', (route) =>
    route.fulfill({
      status: 404,
      contentType: 'application/json',
      body: JSON.stringify({ code: 404, msg: 'BTCUSDT was never seen in the recorded history' }),
    }),
  );
  await page.goto('/?refresh=3600&symbol=BTCUSDT');
  await expect(page.getByTestId('symbol-pool')).toBeVisible();
  await expect(
    page.getByRole('region', { name: 'History of the pool' }).getByRole('alert'),
  ).toHaveText(/^The recorded history has no trace of BTCUSDT yet\./);
});

test('a symbol in another script has its pool’s history, asked for by its own name', async ({
  page,
}) => {
  const symbol = '币安人生USDT';
  const answer = await openHistory(page, `symbol=${encodeURIComponent(symbol)}&range=30d`);
  expect(answer.symbol).toBe(symbol);
  await expect(page.getByTestId('symbol-pool')).toContainText(symbol);
  await expect(page.locator('[data-testid="history-chart"][data-asset="USDT"]')).toHaveAttribute(
    'data-points',
    String(answer.series[0]!.points.length),
  );
});

test('hovering a chart shows the exact balance, and its table lists every point drawn', async ({
  page,
}) => {
  const answer = await openHistory(page, 'symbol=BTCUSDT&range=24h');
  const series = answer.series.find((s) => s.asset === 'USDT')!;
  const chart = page.locator('[data-testid="history-chart"][data-asset="USDT"]');
  const plot = chart.locator('.recharts-wrapper');
  await plot.scrollIntoViewIfNeeded();
  const box = (await plot.boundingBox())!;
  await plot.hover({ position: { x: box.width * 0.5, y: box.height / 2 } });
  await plot.hover({ position: { x: box.width * 0.6, y: box.height / 2 } });
  const tip = page.getByTestId('history-tooltip');
  await expect(tip).toBeVisible();
  const shown = await tip.locator('[data-value]').getAttribute('data-value');
  expect(series.points.map((p) => p.balance)).toContain(shown);
  await expect(tip).toContainText(' UTC');

  await chart.locator('summary').click();
  const table = chart.getByTestId('history-table');
  const cells = table.locator('td[data-value]');
  await expect(cells).toHaveCount(series.points.length);
  // newest first, as the events are
  expect(await cells.evaluateAll((tds) => tds.map((td) => td.getAttribute('data-value')))).toEqual(
    series.points.map((p) => p.balance).reverse(),
  );
});
