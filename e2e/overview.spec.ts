import { expect, test, type Page } from '@playwright/test';
import { formatExact, sumDecimals } from '../src/core/decimal';
import { openWithAnswer, watchPageErrors, type UpstreamPool } from './fixtures';

const isOverview = (url: string) =>
  new URL(url).pathname === '/fapi/v1/insuranceBalance' && !url.includes('symbol=');

/** Opens the page and returns the upstream's answer that the page shows (refresh is an hour away). */
async function openOverview(page: Page, query = '?refresh=3600'): Promise<UpstreamPool[]> {
  const pools = await openWithAnswer(page, `/${query}`);
  await expect(page.getByTestId('pool')).toHaveCount(pools.length);
  return pools;
}

/** What each pool card shows: its members and every balance with its exact value and text. */
function readCards(page: Page) {
  return page.getByTestId('pool').evaluateAll((cards) =>
    cards.map((card) => ({
      members: [...card.querySelectorAll('ul[aria-label="Member symbols"] li')].map(
        (li) => li.textContent,
      ),
      balances: [...card.querySelectorAll('[data-testid="balance"]')].map((b) => ({
        asset: b.getAttribute('data-asset'),
        value: b.getAttribute('data-value'),
        text: b.querySelector('.balance-exact')?.textContent,
      })),
    })),
  );
}

test('every pool and symbol of the upstream answer is on screen, each balance exact', async ({
  page,
}) => {
  const errors = watchPageErrors(page);
  const pools = await openOverview(page);
  const cards = await readCards(page);
  const byMembers = new Map(cards.map((c) => [[...c.members].sort().join(','), c]));
  expect(byMembers.size).toBe(pools.length);
  for (const pool of pools) {
    const card = byMembers.get([...pool.symbols].sort().join(','));
    expect(card, `a card for ${pool.symbols[0]}`).toBeDefined();
    expect(card!.balances).toEqual(
      pool.assets.map((a) => ({
        asset: a.asset,
        value: a.marginBalance,
        text: formatExact(a.marginBalance, 'en'),
      })),
    );
  }
  expect(errors).toEqual([]);
});

test('the summary counts pools and symbols and totals each asset exactly', async ({ page }) => {
  const pools = await openOverview(page);
  const symbols = pools.reduce((n, p) => n + p.symbols.length, 0);
  await expect(page.getByTestId('summary')).toHaveText(
    `${pools.length} pools · ${symbols} symbols`,
  );
  const assets = [...new Set(pools.flatMap((p) => p.assets.map((a) => a.asset)))];
  for (const asset of assets) {
    const total = sumDecimals(
      pools.flatMap((p) => p.assets.filter((a) => a.asset === asset).map((a) => a.marginBalance)),
    );
    const shown = page.locator(`[data-testid="total"][data-asset="${asset}"]`);
    await expect(shown).toHaveAttribute('data-value', total);
    await expect(shown).toContainText(formatExact(total, 'en'));
  }
  await expect(page.getByText('Snapshot taken')).toBeVisible();
  await expect(page.getByText('Last fetched')).toBeVisible();
});

test('a stale snapshot and a pool worth under $100,000 are flagged', async ({ page }) => {
  await openOverview(page);
  const stale = page.getByTestId('pool').filter({ has: page.getByTestId('pool-stale') });
  await expect(stale).toHaveCount(1);
  await expect(stale).toContainText('TROYUSDT');
  await expect(stale).toContainText(/\d+ days? ago/);
  // Low needs the asset index; valuation.spec.ts checks the rule on every pool.
  const low = page.getByTestId('pool').filter({ has: page.locator('[data-flag="low"]') });
  await expect(low.filter({ hasText: 'BSWUSDT' })).toHaveCount(1);
});

test('sorting and the search’s filter live in the link without adding history entries', async ({
  page,
}) => {
  const pools = await openOverview(page);
  const search = page.getByRole('combobox', { name: 'Search symbol' });
  const historyBefore = await page.evaluate(() => history.length);
  await page.getByLabel('Sort by').selectOption('name');
  await expect(page).toHaveURL(/[?&]sort=name/);
  const names = await page.getByTestId('pool').locator('h3').allTextContents();
  expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
  await page.getByLabel('Order').selectOption('desc');
  await expect(page).toHaveURL(/[?&]dir=desc/);
  const reversed = await page.getByTestId('pool').locator('h3').allTextContents();
  expect(reversed).toEqual([...names].reverse());

  // one search box: typing narrows the list and marks what matched in each card
  await expect(page.getByLabel('Filter by symbol')).toHaveCount(0);
  await search.fill('pepe');
  await expect(page).toHaveURL(/[?&]filter=pepe/);
  const withPepe = pools.filter((p) => p.symbols.some((s) => s.toLowerCase().includes('pepe')));
  await expect(page.getByTestId('pool')).toHaveCount(withPepe.length);
  for (const card of await page.getByTestId('pool').all()) {
    await expect(card).toContainText(/PEPE/);
    await expect(card.getByTestId('filter-match').first()).toHaveText('PEPE');
  }
  expect(await page.evaluate(() => history.length)).toBe(historyBefore);

  await page.reload();
  await expect(search).toHaveValue('pepe');
  await expect(page.getByLabel('Sort by')).toHaveValue('name');
  await expect(page.getByTestId('pool')).toHaveCount(withPepe.length);

  await search.fill('zzzqqq');
  await expect(page.getByTestId('pools-empty')).toContainText(
    'No pool has a symbol containing “zzzqqq”',
  );
  await page.getByRole('button', { name: 'Clear filter' }).click();
  await expect(page.getByTestId('pool')).toHaveCount(pools.length);
  await expect(search).toHaveValue('');
});

test('a ?filter= link fills the search box and narrows the list', async ({ page }) => {
  await page.goto('/?refresh=3600&filter=usdc');
  await expect(page.getByRole('combobox', { name: 'Search symbol' })).toHaveValue('usdc');
  for (const card of await page.getByTestId('pool').all()) await expect(card).toContainText(/USDC/);
});

test('balances, and their changes, of rows one above another line up on the decimal point', async ({
  page,
}) => {
  await openOverview(page);
  // Once the history is in, the change columns are filled too.
  await expect(page.getByTestId('pool').first().getByTestId('change').first()).toBeAttached();
  const columns = await page.getByTestId('pool').evaluateAll((rows) => {
    // the right edge of each whole part (where the point is), by column: balances and 24 h
    // changes; and how far each unit sits from its figure's line
    const point = (el: Element) => el.getBoundingClientRect().right;
    const balances: number[] = [];
    const changes: number[] = [];
    const unitTop: number[] = [];
    for (const row of rows) {
      for (const b of row.querySelectorAll('[data-testid="balance"]')) {
        balances.push(point(b.querySelector('.balance-whole')!));
        const unit = b.querySelector('.balance-asset')!.getBoundingClientRect();
        const whole = b.querySelector('.balance-whole')!.getBoundingClientRect();
        // a unit wrapped away from its figure would sit on a line below it
        unitTop.push(Math.abs(unit.top - whole.top));
      }
      for (const c of row.querySelectorAll('[data-testid="change"][data-window="24h"]'))
        changes.push(point(c.querySelector('.change-whole')!));
    }
    return { balances, changes, unitTop };
  });
  expect(columns.balances.length).toBeGreaterThan(1);
  expect(columns.changes.length).toBeGreaterThan(1);
  for (const points of [columns.balances, columns.changes])
    expect(Math.max(...points) - Math.min(...points)).toBeLessThan(1);
  expect(Math.max(...columns.unitTop)).toBeLessThan(8);
  // the whole part carries the eye, the fraction is quieter but there
  const style = await page
    .getByTestId('balance')
    .first()
    .evaluate((b) => {
      const of = (sel: string) => getComputedStyle(b.querySelector(sel)!);
      return {
        whole: of('.balance-whole').fontWeight,
        fraction: of('.balance-fraction').fontWeight,
        numerals: of('.balance-whole').fontVariantNumeric,
      };
    });
  expect(Number(style.whole)).toBeGreaterThan(Number(style.fraction));
  expect(style.numerals).toContain('tabular-nums');
});

test('sorting by the balance of a chosen asset puts the largest holder first', async ({ page }) => {
  const pools = await openOverview(page, '?refresh=3600&asset=USDC');
  const usdc = pools
    .flatMap((p) =>
      p.assets.filter((a) => a.asset === 'USDC').map((a) => ({ p, v: a.marginBalance })),
    )
    .sort((a, b) => Number(b.v) - Number(a.v));
  const usdcOf = (row: ReturnType<Page['getByTestId']>) =>
    row.locator('[data-testid="balance"][data-asset="USDC"]');
  await expect(usdcOf(page.getByTestId('pool').first())).toHaveAttribute('data-value', usdc[0]!.v);
  await page.getByLabel('Order').selectOption('asc');
  await expect(usdcOf(page.getByTestId('pool').first())).toHaveAttribute(
    'data-value',
    usdc.at(-1)!.v,
  );
  // Pools without USDC come after every holder, whatever the direction.
  await expect(usdcOf(page.getByTestId('pool').nth(usdc.length))).toHaveCount(0);
});

test('a refresh keeps scroll, filter and focus, keeps the cards in place and marks what moved', async ({
  page,
}) => {
  await openOverview(page, '?refresh=2');
  const search = page.getByRole('combobox', { name: 'Search symbol' });
  await search.fill('usdt');
  await page.evaluate(() => window.scrollTo(0, 600));
  await page
    .getByTestId('pool')
    .nth(5)
    .evaluate((el) => ((el as HTMLElement & { tag?: string }).tag = 'kept'));
  await search.focus();
  const scrollBefore = await page.evaluate(() => window.scrollY);
  const refreshed = page.waitForResponse((r) => isOverview(r.url()));
  await refreshed;
  await expect(
    page.locator('[data-testid="pool"] [data-testid="balance"][data-change]').first(),
  ).toBeAttached();
  await expect(search).toBeFocused();
  await expect(search).toHaveValue('usdt');
  expect(Math.abs((await page.evaluate(() => window.scrollY)) - scrollBefore)).toBeLessThan(40);
  expect(
    await page
      .getByTestId('pool')
      .nth(5)
      .evaluate((el) => (el as HTMLElement & { tag?: string }).tag),
  ).toBe('kept');
  await expect(page.getByText('Loading the insurance fund snapshot…')).toHaveCount(0);
});
