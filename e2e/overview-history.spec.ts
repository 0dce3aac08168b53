import { expect, test, type Page } from '@playwright/test';
import { subtractDecimals } from '../src/core/decimal';
import type { OverviewAnswer } from '../src/core/history';
import { LATE_MOVE } from '../server/demo/history-seed';

/**
 * The shared server holds 30 generated days of history (playwright.config.ts), in which a pool of
 * new listings appeared five days ago: it has a day of history but not a week. A symbol moved
 * pools 10 days ago, another 6 hours ago.
 */
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/**
 * Opens the overview and keeps the `/api/overview` answer the page was given, unchanged, so the
 * figures on screen can be checked against exactly what the page read.
 */
async function openWithHistory(page: Page, query = '') {
  const seen: { answer?: OverviewAnswer } = {};
  await page.route(
    (url) => url.pathname === '/api/overview',
    async (route) => {
      const response = await route.fetch();
      const answer = (await response.json()) as OverviewAnswer;
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

test('where the pool’s members changed within the window, the figure says so beside it, and the move is an event', async ({
  page,
}) => {
  // The demo's history moves this symbol into another's pool 6 hours before it ends.
  const { symbol, into } = LATE_MOVE;
  await openWithHistory(page);
  const list = page.getByRole('region', { name: 'Recent events' });
  await expect(list.getByTestId('event').first()).toBeVisible();
  const all = list.getByRole('button', { name: /^Show all \d+ events$/ });
  if (await all.count()) await all.click();
  const event = list
    .locator('[data-testid="event"][data-kind="moved"]')
    .filter({ hasText: symbol });
  await expect(event).toHaveCount(1);
  await expect(event).toContainText(`${symbol} moved from the pool`);
  const age = Date.now() - Number(await event.getAttribute('data-at'));
  expect(age).toBeGreaterThan(HOUR);
  expect(age).toBeLessThan(DAY);
  // it links to the pool it left (its members before the move) and the one it joined
  const pools = event.locator('a[data-pool]');
  await expect(pools).toHaveCount(2);
  const linked = await pools.evaluateAll((as) => as.map((a) => a.getAttribute('data-pool')!));
  const joined = linked.find((k) => k.split(',').includes(into))!;
  const left = linked.find((k) => k !== joined)!;
  expect(joined.split(',')).toContain(symbol);
  expect(left.split(',')).toContain(symbol);
  const keys = [
    left
      .split(',')
      .filter((s) => s !== symbol)
      .join(','),
    joined,
  ];

  for (const key of keys) {
    const r = row(page, key);
    await expect(r, key).toHaveCount(1);
    for (const window of ['24h', '7d']) {
      const figure = r.locator(`[data-testid="change"][data-window="${window}"]`).first();
      await expect(figure).toHaveAttribute('data-regrouped', 'true');
      await expect(figure).toContainText('members changed');
      await expect(figure).toHaveAttribute('title', /members/i);
    }
    // within the hour its members did not change
    await expect(r.locator('[data-testid="change"][data-window="1h"][data-regrouped]')).toHaveCount(
      0,
    );
    await expect(r.locator('[data-testid="change"][data-window="1h"]').first()).not.toContainText(
      'members changed',
    );
  }
  // the other pools are not marked: the month's earlier move is older than a week
  for (const window of ['24h', '7d']) {
    let ours = 0;
    for (const key of keys)
      ours += await row(page, key)
        .locator(`[data-testid="change"][data-window="${window}"]`)
        .count();
    await expect(
      page.locator(`[data-testid="change"][data-regrouped="true"][data-window="${window}"]`),
    ).toHaveCount(ours);
  }

  // the link to the pool joined opens it
  await event.locator(`a[data-pool="${joined}"]`).click();
  await expect(page).toHaveURL(new RegExp(`[?&]symbol=${symbol}(&|$)`));
  await expect(page.getByTestId('symbol-pool')).toContainText(symbol);
  await expect(page.getByTestId('symbol-pool')).toContainText(into);
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
