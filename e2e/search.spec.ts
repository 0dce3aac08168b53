import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { openWithAnswer, symbolRequests, watchPageErrors, type UpstreamPool } from './fixtures';

async function open(page: Page) {
  await page.goto('/?refresh=3600');
  await expect(page.getByTestId('pool').first()).toBeVisible();
  return page.getByRole('combobox', { name: 'Search symbol' });
}

async function openWithPools(page: Page): Promise<[ReturnType<Page['getByRole']>, UpstreamPool[]]> {
  const pools = await openWithAnswer(page, '/?refresh=3600');
  await expect(page.getByTestId('pool').first()).toBeVisible();
  return [page.getByRole('combobox', { name: 'Search symbol' }), pools];
}

test('search by keyboard: suggestions, arrow keys, Enter opens the pool with a new history entry', async ({
  page,
}) => {
  const errors = watchPageErrors(page);
  const asked = symbolRequests(page);
  const [box, pools] = await openWithPools(page);
  await box.pressSequentially('btcusdt_2');
  const listbox = page.getByRole('listbox', { name: 'Suggestions' });
  await expect(listbox).toBeVisible();
  await expect(box).toHaveAttribute('aria-expanded', 'true');
  const options = listbox.getByRole('option');
  await expect(options).toHaveText(['BTCUSDT_260327', 'BTCUSDT_260626']);

  await box.press('ArrowDown');
  await box.press('ArrowDown');
  await expect(options.nth(1)).toHaveAttribute('aria-selected', 'true');
  const activeId = await options.nth(1).getAttribute('id');
  await expect(box).toHaveAttribute('aria-activedescendant', activeId!);
  await expect(box).toBeFocused();

  await box.press('Enter');
  await expect(page).toHaveURL(/\?refresh=3600&symbol=BTCUSDT_260626$/);
  // the pool list on screen holds the symbol's pool: nothing more is asked
  const pool = pools.find((p) => p.symbols.includes('BTCUSDT_260626'))!;
  const view = page.getByTestId('symbol-pool');
  await expect(view).toContainText('BTCUSDT_260626');
  await expect(view.getByTestId('highlighted-symbol')).toHaveText('BTCUSDT_260626');
  await expect(view.locator('[data-testid="balance"][data-asset="USDT"]')).toHaveAttribute(
    'data-value',
    pool.assets.find((a) => a.asset === 'USDT')!.marginBalance,
  );
  await expect(page.getByTestId('symbol-rank')).toContainText(
    /(Largest|\d+(st|nd|rd|th) largest) USDT pool of \d+/,
  );
  await expect(listbox).toBeHidden();

  // Back returns to the view before the search, not to the list half-way through typing
  await page.goBack();
  await expect(page).toHaveURL(/\?refresh=3600$/);
  await expect(box).toHaveValue('');
  await expect(page.getByTestId('symbol-pool')).toHaveCount(0);
  expect(asked).toEqual([]);
  expect(errors).toEqual([]);
});

test('typing "btc" suggests BTCUSDT first, and Enter opens it', async ({ page }) => {
  const box = await open(page);
  await box.pressSequentially('btc');
  const options = page.getByRole('listbox', { name: 'Suggestions' }).getByRole('option');
  await expect(options.first()).toHaveText('BTCUSDT');
  await expect(options.nth(1)).toHaveText('BTCUSDC');
  await box.press('Enter');
  await expect(page).toHaveURL(/[?&]symbol=BTCUSDT$/);
  await expect(page.getByRole('heading', { name: 'Pool of BTCUSDT' })).toBeVisible();
});

test('Enter with part of a symbol opens the best match: "pepe" is 1000PEPEUSDT', async ({
  page,
}) => {
  const asked = symbolRequests(page);
  const box = await open(page);
  await box.fill('pepe');
  await box.press('Enter');
  await expect(page).toHaveURL(/[?&]symbol=1000PEPEUSDT$/);
  await expect(page.getByTestId('symbol-pool').getByTestId('highlighted-symbol')).toHaveText(
    '1000PEPEUSDT',
  );
  await expect(page.getByRole('heading', { name: 'Pool of PEPE' })).toHaveCount(0);
  expect(asked).toEqual([]);
});

test('text that matches no listed symbol is reported without a heading that claims a pool', async ({
  page,
}) => {
  const box = await open(page);
  await box.fill('nosuchcoin');
  await box.press('Enter');
  await expect(page.getByRole('alert').filter({ hasText: 'NOSUCHCOIN' })).toContainText(
    '“NOSUCHCOIN” is not a symbol the exchange lists.',
  );
  await expect(page.getByRole('heading', { name: /Pool of/ })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Copy link' })).toHaveCount(0);
  await expect(page.getByTestId('symbol-pool')).toHaveCount(0);
});

test('Escape closes the suggestions, then clears the field', async ({ page }) => {
  const box = await open(page);
  await box.fill('pepe');
  await expect(page.getByRole('listbox')).toBeVisible();
  await box.press('Escape');
  await expect(page.getByRole('listbox')).toBeHidden();
  await expect(box).toHaveAttribute('aria-expanded', 'false');
  await expect(box).toHaveValue('pepe');
  await box.press('Escape');
  await expect(box).toHaveValue('');
});

test('search by mouse: a click on a suggestion opens that pool', async ({ page }) => {
  const box = await open(page);
  await box.click();
  await box.pressSequentially('人生');
  await page.getByRole('option', { name: '币安人生USDT' }).click();
  await expect(page).toHaveURL(`/?refresh=3600&symbol=${encodeURIComponent('币安人生USDT')}`);
  await expect(page.getByTestId('symbol-pool').getByTestId('highlighted-symbol')).toHaveText(
    '币安人生USDT',
  );
  await expect(box).toHaveValue('币安人生USDT');
});

test('text that cannot be a symbol is refused in words, without asking the endpoint', async ({
  page,
}) => {
  const asked = symbolRequests(page);
  const box = await open(page);
  await box.fill('<img src=x onerror=alert(1)>');
  await box.press('Enter');
  const refused = page.getByRole('alert').filter({ hasText: 'cannot be a futures symbol' });
  await expect(refused).toContainText('<img src=x onerror=alert(1)>');
  await box.fill('   ');
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  await expect(page.getByRole('alert')).toHaveText('Type a symbol to search for, such as BTCUSDT.');
  // nothing was searched: typing only narrows the list, in the same history entry
  expect(new URL(page.url()).searchParams.has('symbol')).toBe(false);
  expect(asked).toEqual([]);
});

test('an unknown symbol is named, near matches are offered, and nothing on screen is lost', async ({
  page,
}) => {
  const box = await open(page);
  const pools = await page.getByTestId('pool').count();
  await box.fill('btcustd');
  await box.press('Enter');
  const alert = page.getByRole('alert').filter({ hasText: 'BTCUSTD' });
  await expect(alert).toContainText('“BTCUSTD” is not a symbol the exchange lists.');
  await expect(alert.getByTestId('near-match').first()).toHaveText('BTCUSDT');
  await expect(page.getByTestId('pool')).toHaveCount(pools);
  await expect(box).toHaveValue('BTCUSTD');

  await alert.getByRole('link', { name: 'BTCUSDT', exact: true }).click();
  await expect(page).toHaveURL(/symbol=BTCUSDT$/);
  await expect(page.getByTestId('symbol-pool').getByTestId('highlighted-symbol')).toHaveText(
    'BTCUSDT',
  );

  // A second unknown symbol keeps the pool found before on screen, saying whose it is.
  await box.fill('NOPEUSDT');
  await box.press('Enter');
  await expect(page.getByRole('alert').filter({ hasText: 'NOPEUSDT' })).toBeVisible();
  await expect(page.getByText('Still showing the pool of BTCUSDT, found before.')).toBeVisible();
  await expect(page.getByTestId('previous-pool')).toContainText('BTCUSDT');
});

test('the copy button copies the link of the view, or shows it to copy by hand', async ({
  page,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('/?symbol=ethusdt&refresh=3600');
  await page.getByRole('button', { name: 'Copy link' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Link copied.' })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(page.url());

  await page.evaluate(() => {
    Object.defineProperty(navigator, 'clipboard', { value: undefined, configurable: true });
  });
  await page.getByRole('button', { name: 'Copy link' }).click();
  await expect(page.getByRole('alert')).toContainText('did not allow copying');
  await expect(page.getByLabel('Link to this view')).toHaveValue(page.url());
});

for (const theme of ['light', 'dark']) {
  test(`search, suggestions, symbol view and overview pass an accessibility audit (${theme})`, async ({
    page,
  }) => {
    await page.goto(`/?symbol=BTCUSDT&refresh=3600&theme=${theme}`);
    await expect(page.getByTestId('symbol-pool')).toBeVisible();
    await page.getByRole('combobox', { name: 'Search symbol' }).fill('eth');
    await expect(page.getByRole('listbox')).toBeVisible();
    const audit = await new AxeBuilder({ page })
      .include('form[role="search"]')
      .include('[aria-labelledby="symbol-heading"]')
      .include('[aria-labelledby="summary-heading"]')
      .include('[aria-labelledby="pools-heading"]')
      .analyze();
    expect(audit.violations.map((v) => `${v.id}: ${v.nodes[0]?.target.join(' ')}`)).toEqual([]);
  });
}
