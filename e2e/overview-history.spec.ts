import { expect, test, type Page } from '@playwright/test';
import { subtractDecimals } from '../src/core/decimal';
import type { OverviewAnswer } from '../src/core/history';

/**
 * The shared server holds 30 generated days of history (playwright.config.ts), in which a pool of
 * new listings appeared five days ago: it has a day of history but not a week.
 */
type Edit = (answer: OverviewAnswer) => void;

/**
 * Opens the overview and keeps the `/api/overview` answer the page was given (optionally edited
 * on its way), so the figures on screen can be checked against exactly what the page read.
 */
async function openWithHistory(page: Page, query = '', edit?: Edit) {
  const seen: { answer?: OverviewAnswer } = {};
  await page.route(
    (url) => url.pathname === '/api/overview',
    async (route) => {
      const response = await route.fetch();
      const answer = (await response.json()) as OverviewAnswer;
      edit?.(answer);
      seen.answer = answer;
      await route.fulfill({ response, json: answer });
    },
  );
  await page.goto(`/?refresh=3600${query}`);
  await expect(page.getByTestId('pool').first().getByTestId('change').first()).toBeAttached();
  expect(seen.answer?.pools.length).toBeGreaterThan(0);
  return seen.answer!;
}

const row = (page: Page, key: string) =>
  page.locator(`[data-testid="pool"][data-pool-key="${key}"]`);

test('each balance gives its exact change over 1 h, 24 h and 7 d, signed and coloured by sign', async ({
  page,
}) => {
  const answer = await openWithHistory(page);
  const full = answer.pools.filter((p) =>
    p.assets.every((a) => Object.values(a.ref).every(Boolean)),
  );
  expect(full.length).toBeGreaterThan(3);
  for (const pool of full.slice(0, 4)) {
    for (const a of pool.assets) {
      for (const window of ['1h', '24h', '7d'] as const) {
        const figure = row(page, pool.key).locator(
          `[data-testid="change"][data-window="${window}"][data-asset="${a.asset}"]`,
        );
        const value = subtractDecimals(a.latest.balance, a.ref[window]!.balance);
        await expect(figure).toHaveAttribute('data-value', value);
        const sign = value.startsWith('-') ? 'down' : /[1-9]/.test(value) ? 'up' : 'flat';
        await expect(figure).toHaveAttribute('data-sign', sign);
        // the sign is written, not only coloured, and the share follows the amount
        if (sign !== 'flat')
          await expect(figure.locator('.change-whole')).toHaveText(sign === 'up' ? /^\+/ : /^-/);
        await expect(figure.locator('.change-percent')).toHaveText(/%/);
      }
    }
  }
  // colour follows the sign: a fall and a rise are not drawn alike
  const colour = (sign: string) =>
    page
      .locator(`[data-testid="change"][data-sign="${sign}"] .change-whole`)
      .first()
      .evaluate((e) => getComputedStyle(e).color);
  expect(await colour('down')).not.toBe(await colour('up'));
});

test('where the history does not reach back a whole window, it says so and gives no figure', async ({
  page,
}) => {
  const answer = await openWithHistory(page);
  const young = answer.pools.filter((p) => p.assets.some((a) => a.ref['7d'] === null));
  expect(young.length, 'a pool that appeared within the week').toBeGreaterThan(0);
  for (const pool of young) {
    const r = row(page, pool.key);
    for (const a of pool.assets.filter((x) => x.ref['7d'] === null)) {
      await expect(
        r.locator(`[data-testid="change"][data-window="7d"][data-asset="${a.asset}"]`),
      ).toHaveCount(0);
      const none = r.locator(
        `[data-testid="change-none"][data-window="7d"][data-asset="${a.asset}"]`,
      );
      await expect(none).toHaveText('not enough history');
      await expect(none).toHaveAttribute('title', /7 d/);
    }
  }
  // In Chinese too.
  await page.goto('/?refresh=3600&lang=zh-CN');
  await expect(
    row(page, young[0]!.key).locator('[data-testid="change-none"][data-window="7d"]').first(),
  ).toHaveText('历史记录不足');
});

test('where the pool’s members changed within the window, the figure says so beside it', async ({
  page,
}) => {
  let key = '';
  await openWithHistory(page, '', (answer) => {
    // The server reports a regrouping within the day for one pool; the month's own move is older.
    const pool = answer.pools.find((p) => p.assets.every((a) => a.ref['24h']))!;
    pool.regrouped = { ...pool.regrouped, '1h': false, '24h': true, '7d': true };
    key = pool.key;
  });
  const r = row(page, key);
  const day = r.locator('[data-testid="change"][data-window="24h"]').first();
  await expect(day).toHaveAttribute('data-regrouped', 'true');
  await expect(day).toContainText('members changed');
  await expect(day).toHaveAttribute('title', /members/i);
  await expect(r.locator('[data-testid="change"][data-window="1h"][data-regrouped]')).toHaveCount(
    0,
  );
  await expect(r.locator('[data-testid="change"][data-window="1h"]').first()).not.toContainText(
    'members changed',
  );
  // the other pools are not marked
  await expect(
    page.locator('[data-testid="change"][data-regrouped="true"][data-window="24h"]'),
  ).toHaveCount(await r.locator('[data-testid="change"][data-window="24h"]').count());
});

/** Each row's share of change over the window, in row order (`null` where the pool has none). */
function rowShares(page: Page, window: string) {
  return page.getByTestId('pool').evaluateAll(
    (rows, w) =>
      rows.map((r) => {
        const c = r.querySelector(`[data-testid="pool-change"][data-window="${w}"]`);
        return c?.getAttribute('data-rel') ? Number(c.getAttribute('data-rel')) : null;
      }),
    window,
  );
}

function expectOrdered(shares: (number | null)[], dir: 'asc' | 'desc') {
  const known = shares.filter((s): s is number => s !== null);
  expect(known.length).toBeGreaterThan(3);
  // pools with no change to give come after every one that has, whatever the direction
  expect(shares.slice(0, known.length)).toEqual(known);
  const sorted = [...known].sort((a, b) => (dir === 'asc' ? a - b : b - a));
  expect(known).toEqual(sorted);
}

test('a change heading sorts the table by that change, largest fall first, and again reverses it', async ({
  page,
}) => {
  await openWithHistory(page);
  const heading = page.getByRole('columnheader', { name: '24 h', exact: true });
  await heading.getByRole('button').click();
  await expect(page).toHaveURL(/[?&]sort=change24h/);
  await expect(heading).toHaveAttribute('aria-sort', 'ascending');
  await expect.poll(async () => (await rowShares(page, '24h'))[0]).not.toBeNull();
  const falls = await rowShares(page, '24h');
  expectOrdered(falls, 'asc');
  expect(falls[0]).toBeLessThan(0);

  await heading.getByRole('button').click();
  await expect(page).toHaveURL(/[?&]dir=desc/);
  await expect(heading).toHaveAttribute('aria-sort', 'descending');
  expectOrdered(await rowShares(page, '24h'), 'desc');

  // The week: the pool that has no week of history comes last in both directions.
  await page.goto('/?refresh=3600&sort=change7d');
  await expect(page.getByRole('columnheader', { name: '7 d', exact: true })).toHaveAttribute(
    'aria-sort',
    'ascending',
  );
  await expect.poll(async () => (await rowShares(page, '7d'))[0]).not.toBeNull();
  const week = await rowShares(page, '7d');
  expectOrdered(week, 'asc');
  expect(week.at(-1)).toBeNull();
});
