import type { Page } from '@playwright/test';
import { formatExact, multiplyDecimals, subtractDecimals } from '../src/core/decimal';
import { PAGE_MS } from '../src/features/wall/wall';
import { expect, test, type UpstreamPool } from './fixtures';

const API = '/fapi/v1/insuranceBalance';
const HD = { width: 1920, height: 1080 };
const UHD = { width: 3840, height: 2160 };

test.use({ viewport: HD });

test('a headline row gives the total, its 24 h change and the biggest fall; each card its day', async ({
  page,
}) => {
  await page.goto('/?view=wall&refresh=3600');
  const headline = page.getByTestId('wall-headline');
  await expect(headline).toBeVisible();
  await expect(headline.getByTestId('wall-total')).toHaveAttribute('data-value', /^\d+\.\d\d$/);
  await expect(headline.getByTestId('wall-total')).toContainText('$');
  const change = headline.getByTestId('wall-total-change');
  await expect(change).toHaveAttribute('data-window', '24h');
  await expect(change).toHaveAttribute('data-value', /^-?\d+(\.\d+)?$/);
  await expect(change).toContainText(/[+-]?\$[\d,]+.*%/);
  const fall = headline.getByTestId('wall-biggest-fall');
  await expect(fall).toHaveAttribute('data-value', /^-/);
  await expect(fall).toContainText(/%/);
  // The fall is named by its pool, one that is on the wall.
  const symbols = (await fall.getAttribute('data-symbols'))!.split(' ');
  expect(symbols.length).toBeGreaterThan(0);
  // the headline sits above the cards, across the screen
  const box = (await headline.boundingBox())!;
  const first = (await page.getByTestId('pool').first().boundingBox())!;
  expect(box.y + box.height).toBeLessThanOrEqual(first.y + 1);

  // every card on screen has its 24 h change (or says why not) and its day as a sparkline
  for (const card of await page.getByTestId('pool').all()) {
    await expect(
      card
        .locator('[data-testid="change"][data-window="24h"], [data-testid="change-none"]')
        .first(),
    ).toBeAttached();
    await expect(
      card.locator('[data-testid="sparkline"], [data-testid="sparkline-none"]').first(),
    ).toBeAttached();
  }
  await expect(
    page.locator('[data-testid="pool"] [data-testid="sparkline"]').first(),
  ).toBeVisible();

  await page.goto('/?view=wall&refresh=3600&lang=zh-CN');
  await expect(page.getByTestId('wall-headline')).toContainText('24 小时最大跌幅');
});

/**
 * Answers the wall's refreshes from the upstream, with the first asset of the pool `pick` names
 * cut to 80 % from the `from`-th answer on: one sharp drop, then ordinary moves.
 */
async function cutPool(page: Page, from: number, pick: (pools: UpstreamPool[]) => UpstreamPool) {
  const answers: UpstreamPool[][] = [];
  await page.route(
    (url) => url.pathname === API && !url.searchParams.has('symbol'),
    async (route) => {
      const response = await route.fetch();
      const pools = (await response.json()) as UpstreamPool[];
      if (answers.length >= from) {
        const a = pick(pools).assets[0]!;
        a.marginBalance = multiplyDecimals(a.marginBalance, '0.8');
      }
      answers.push(pools);
      await route.fulfill({ response, json: pools });
    },
  );
  return answers;
}

/** The pool holding the least USDT, of those whose first asset is USDT. */
function smallestUsdt(pools: UpstreamPool[]) {
  return pools
    .filter((p) => p.assets[0]?.asset === 'USDT')
    .reduce((a, b) =>
      Number(a.assets[0]!.marginBalance) <= Number(b.assets[0]!.marginBalance) ? a : b,
    );
}

test.describe('against a market that stands still but for the cut', () => {
  test.use({ stackOptions: { cacheTtl: '0', upFirst: false } });
  // An hour a step: the demo market's own drops (several a minute on the shared one) can neither
  // take the place of the cut on its asset nor be taken for it.
  test.beforeEach(({ stack }) => stack.startUpstream({ stepMs: 3_600_000 }));

  test('a sharp drop stays on the banner and its card for ?hold= minutes, whatever snapshots follow', async ({
    page,
    stack,
  }) => {
    await page.clock.install();
    const answers = await cutPool(page, 2, (pools) => pools[0]!);
    await page.goto(`${stack.baseURL}/?view=wall&refresh=1&hold=2`);
    const banner = page.getByTestId('wall-drops');
    // The banner may already show one of the demo market's own drops: wait for the cut answer.
    await expect.poll(() => answers.length, { timeout: 15_000 }).toBeGreaterThanOrEqual(3);
    await expect(banner).toBeVisible();
    const seenAt = answers.length;
    const dropped = answers[2]!;
    const asset = dropped[0]!.assets[0]!;
    // The demo market has drops of its own: this one is found by its exact amount, the cut answer's
    // balance minus the one the wall held before it (the answer before it, or one further back when
    // the cached answers in between carried the same snapshot).
    const amounts = answers
      .slice(0, 2)
      .map((before) => subtractDecimals(asset.marginBalance, before[0]!.assets[0]!.marginBalance));
    const values = () =>
      banner
        .locator(`[data-testid="wall-drop"][data-asset="${asset.asset}"]`)
        .evaluateAll((els) => els.map((e) => e.getAttribute('data-value')));
    await expect.poll(async () => (await values()).find((v) => amounts.includes(v!))).toBeTruthy();
    const amount = (await values()).find((v) => amounts.includes(v!))!;
    const item = banner.locator(`[data-testid="wall-drop"][data-value="${amount}"]`);
    await expect(item).toHaveCount(1);
    await expect(item).toHaveAttribute('data-asset', asset.asset);
    // names the amount, its share and the page its card is on
    await expect(banner).toContainText(/sharp drops? in the last 2 minutes/);
    await expect(item).toContainText(formatExact(amount, 'en'));
    await expect(item).toContainText(/\(-(19|20)(\.\d+)?\s?%\)/);
    await expect(item).toHaveAttribute('data-page', /^\d+$/);

    // Several snapshots later the drop is still held, on the banner and on its card.
    await expect.poll(() => answers.length, { timeout: 15_000 }).toBeGreaterThan(seenAt + 3);
    await expect(item).toHaveCount(1);
    const card = page.locator(`[data-testid="pool"]`, { hasText: dropped[0]!.symbols[0]! }).first();
    await page.getByTestId('wall-page').waitFor();
    if (await card.isVisible())
      await expect(card.locator('[data-change="drop"]').first()).toBeAttached();

    // Past the hold, the next snapshot clears it.
    await page.clock.fastForward('03:00');
    await expect(banner).toHaveCount(0, { timeout: 15_000 });
  });

  test('a small pool being drawn down is on page 1, ahead of the largest', async ({
    page,
    stack,
  }) => {
    // The smallest pool of the answer is cut to 80 % from the third refresh on.
    await cutPool(page, 2, smallestUsdt);
    await page.goto(`${stack.baseURL}/?view=wall&refresh=1&hold=5`);
    await expect(page.getByTestId('wall-page')).toHaveText(/Page \d+ of [2-9]/);
    // The market stands still (an hour a step): the one drop held is the cut.
    const item = page.getByTestId('wall-drop');
    await expect(item.first()).toBeAttached({ timeout: 20_000 });
    await expect(item.first()).toHaveAttribute('data-page', '1');
  });
});

/**
 * Moves the clock on to the turn that brings page 1: pages turn on their own by the clock, so a
 * wall opens on any of them. One turn at a time until page 1 shows: the count of pages may still
 * change as the cards are measured, so the turns needed are not worked out in advance.
 */
async function turnToPageOne(page: Page) {
  const pageLine = page.getByTestId('wall-page');
  await expect(pageLine).toHaveText(/Page \d+ of \d+/);
  for (let turn = 0; turn < 12; turn += 1) {
    if (/Page 1 of/.test((await pageLine.textContent()) ?? '')) break;
    await page.clock.fastForward(PAGE_MS);
  }
  await expect(pageLine).toHaveText(/Page 1 of \d+/);
}

/** Pools shown on the first page and how much of the pages' frame no card reaches. */
async function firstPage(page: Page) {
  await page.clock.install();
  await page.goto('/?view=wall&refresh=3600');
  await expect(page.getByTestId('pool').first()).toBeVisible();
  // let the fit settle: the type is chosen once the cards are measured
  await page.waitForFunction(() => document.fonts.status === 'loaded');
  // The first page: the last may hold fewer pools.
  await turnToPageOne(page);
  // A page just turned is fitted to its screen over a frame or two: read it once it stands.
  let last = '';
  await expect
    .poll(async () => {
      const now = JSON.stringify(await measure(page));
      const still = now === last;
      last = now;
      return still;
    })
    .toBe(true);
  return measure(page);
}

function measure(page: Page) {
  return page.evaluate(() => {
    const frame = document.querySelector('[data-testid="wall-pages"]')!.getBoundingClientRect();
    const elements = [...document.querySelectorAll<HTMLElement>('[data-testid="pool"]')];
    // A card whose content runs past its edge is cut off: a balance or a mark half gone.
    const clipped = elements
      .filter((c) => c.getBoundingClientRect().width > 0 && c.scrollWidth > c.clientWidth + 1)
      .map((c) => c.textContent?.slice(0, 40));
    const cards = elements
      .map((c) => c.getBoundingClientRect())
      .filter((r) => r.width > 0 && r.left < innerWidth && r.top < innerHeight);
    const columns = new Map<number, number>();
    for (const r of cards)
      columns.set(Math.round(r.left), Math.max(columns.get(Math.round(r.left)) ?? 0, r.bottom));
    const root = document.scrollingElement!;
    return {
      clipped,
      shown: cards.length,
      // per column, the share of the frame's height below its last card; and to the right of all
      emptyBelow: [...columns.values()].map((bottom) => (frame.bottom - bottom) / frame.height),
      emptyRight: (frame.right - Math.max(...cards.map((r) => r.right))) / frame.width,
      outside: cards.filter((r) => r.bottom > innerHeight + 0.5 || r.right > innerWidth + 0.5)
        .length,
      scrolls: root.scrollHeight > root.clientHeight || root.scrollWidth > root.clientWidth,
      balancePx: Number.parseFloat(
        getComputedStyle(document.querySelector('[data-testid="balance"] .balance-exact')!)
          .fontSize,
      ),
    };
  });
}

test('a 4K screen shows more pools per page, not the same page larger, and no fifth stays empty', async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const hdPage = await browser.newPage({ viewport: HD });
  const hd = await firstPage(hdPage);
  await hdPage.close();
  const uhdPage = await browser.newPage({ viewport: UHD });
  const uhd = await firstPage(uhdPage);
  await uhdPage.close();
  test.info().annotations.push({
    type: 'pools per page',
    description: `full HD ${hd.shown}, 4K ${uhd.shown}`,
  });
  expect(uhd.shown).toBeGreaterThan(hd.shown * 1.25);
  // the type grows, but less than the screen does
  expect(uhd.balancePx).toBeGreaterThan(hd.balancePx);
  expect(uhd.balancePx).toBeLessThan(hd.balancePx * 2);
  for (const facts of [hd, uhd]) {
    expect(facts).toMatchObject({ scrolls: false, outside: 0, clipped: [] });
    expect(facts.emptyRight).toBeLessThan(0.2);
    for (const share of facts.emptyBelow) expect(share).toBeLessThan(0.2);
  }
});

test('sort= orders the wall as it orders the overview', async ({ page }) => {
  await page.clock.install();
  await page.goto('/?view=wall&refresh=3600&sort=name');
  await turnToPageOne(page);
  const names = await page.getByTestId('pool').locator('h3').allTextContents();
  expect(names.length).toBeGreaterThan(2);
  expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
});

test('a card alone at the foot of a column keeps a sparkline of its own height', async ({
  page,
}) => {
  await page.clock.install();
  await page.goto('/?view=wall&refresh=3600');
  const pageLine = page.getByTestId('wall-page');
  await expect(pageLine).toHaveText(/Page \d+ of (\d+)/);
  const pages = Number(/of (\d+)/.exec((await pageLine.textContent()) ?? '')![1]);
  // Every page, the last (often with a short column) too.
  for (let turn = 0; turn < pages; turn += 1) {
    const heights = await page
      .locator('[data-testid="pool"] svg.sparkline')
      .evaluateAll((els) => els.map((e) => e.getBoundingClientRect().height));
    expect(heights.length).toBeGreaterThan(0);
    for (const h of heights) expect(h).toBeLessThanOrEqual(80);
    await page.clock.fastForward(PAGE_MS);
  }
});
