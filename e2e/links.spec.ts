import { expect, test, type Page } from '@playwright/test';
import { symbolRequests, watchPageErrors } from './fixtures';

const highlighted = (page: Page) =>
  page.getByTestId('symbol-pool').getByTestId('highlighted-symbol');

test('a bookmarked link in lower case shows the upper-cased symbol’s pool from the pool list', async ({
  page,
}) => {
  const asked = symbolRequests(page);
  await page.goto('/?symbol=btcusdt');
  await expect(highlighted(page)).toHaveText('BTCUSDT');
  await expect(page.getByTestId('symbol-pool')).toContainText('ETHUSDT');
  await expect(page.getByRole('heading', { name: 'Pool of BTCUSDT' })).toBeVisible();
  // the pool, its history and its events take the overview's place
  await expect(page.getByRole('heading', { name: 'History of the pool' })).toBeVisible();
  await expect(page.getByTestId('pool')).toHaveCount(0);
  // the list on screen holds the pool: no question about the symbol goes out
  expect(asked).toEqual([]);
});

test('a symbol link names the symbol in the tab and says what it shows', async ({ page }) => {
  await page.goto('/?symbol=btcusdt&refresh=3600');
  await expect(highlighted(page)).toHaveText('BTCUSDT');
  await expect(page).toHaveTitle('BTCUSDT · Insurance fund balances · Binance USDⓈ-M futures');
  const description = page.locator('meta[name="description"]');
  await expect(description).toHaveAttribute(
    'content',
    /^BTCUSDT is covered by the BTC · ETH · BNB /,
  );
  await expect(page.locator('meta[property="og:title"]')).toHaveAttribute(
    'content',
    'BTCUSDT · Insurance fund balances · Binance USDⓈ-M futures',
  );
  await expect(page.locator('meta[name="description"]')).toHaveCount(1);
  // a search changes them with the view
  const box = page.getByRole('combobox', { name: 'Search symbol' });
  await box.fill('ethusdt');
  await box.press('Enter');
  await expect(page).toHaveTitle(/^ETHUSDT · /);
  await page.getByRole('button', { name: 'Show all pools' }).click();
  await expect(page).toHaveTitle('Insurance fund balances · Binance USDⓈ-M futures');
});

test.describe('a shared link, read by a preview without scripts', () => {
  test.use({ javaScriptEnabled: false, locale: 'zh-CN' });

  test('arrives with its title and description in the page’s language', async ({ page }) => {
    await page.goto('/?symbol=btcusdt');
    await expect(page).toHaveTitle('BTCUSDT · 保险基金余额 · 币安 U本位合约');
    await expect(page.locator('meta[name="description"]')).toHaveAttribute(
      'content',
      /^BTCUSDT 属于币安 U本位合约的 BTC · ETH · BNB 保险基金资金池/,
    );
    await expect(page.locator('meta[property="og:description"]')).toHaveAttribute(
      'content',
      /BTCUSDT 属于/,
    );
  });
});

test.describe('a reader without scripts', () => {
  test.use({ javaScriptEnabled: false });

  test('searches a symbol with Enter and gets its pool, as a link would show it', async ({
    page,
  }) => {
    await page.goto('/');
    const box = page.getByRole('combobox', { name: 'Search symbol' });
    await box.fill('ethusdt');
    await box.press('Enter');
    await expect(page).toHaveURL(/\?symbol=ethusdt$/);
    await expect(page).toHaveTitle(/^ETHUSDT · /);
    await expect(highlighted(page)).toHaveText('ETHUSDT');
  });
});

for (const [label, query] of [
  ['percent-encoded', `?symbol=${encodeURIComponent('币安人生USDT')}`],
  ['lower-case, percent-encoded', `?symbol=${encodeURIComponent('币安人生usdt')}`],
  ['as typed in the address bar', '?symbol=币安人生usdt'],
]) {
  test(`a non-ASCII symbol link works ${label}`, async ({ page }) => {
    const errors = watchPageErrors(page);
    const asked = symbolRequests(page);
    await page.goto(`/${query}`);
    await expect(highlighted(page)).toHaveText('币安人生USDT');
    await expect(page.getByTestId('symbol-pool')).toContainText('哈基米USDT');
    // found in the pool list, whatever the link's case and encoding
    expect(asked).toEqual([]);
    expect(errors).toEqual([]);
  });
}

test('Back and Forward walk through searches, each view shown again', async ({ page }) => {
  await page.goto('/?symbol=BTCUSDT');
  await expect(highlighted(page)).toHaveText('BTCUSDT');
  const box = page.getByRole('combobox', { name: 'Search symbol' });
  for (const symbol of ['1000PEPEUSDT', '币安人生USDT']) {
    await box.fill(symbol);
    await box.press('Enter');
    await expect(highlighted(page)).toHaveText(symbol);
  }
  await page.goBack();
  await expect(highlighted(page)).toHaveText('1000PEPEUSDT');
  await expect(box).toHaveValue('1000PEPEUSDT');
  await page.goBack();
  await expect(highlighted(page)).toHaveText('BTCUSDT');
  await page.goForward();
  await page.goForward();
  await expect(highlighted(page)).toHaveText('币安人生USDT');
  await expect(page).toHaveURL(`/?symbol=${encodeURIComponent('币安人生USDT')}`);
  await page.getByRole('button', { name: 'Show all pools' }).click();
  await expect(page.getByTestId('symbol-pool')).toHaveCount(0);
  await page.goBack();
  await expect(highlighted(page)).toHaveText('币安人生USDT');
});

test('a link to a symbol the exchange does not list names it and keeps the overview', async ({
  page,
}) => {
  await page.goto('/?symbol=ethusdtt');
  const alert = page.getByRole('alert').filter({ hasText: 'ETHUSDTT' });
  await expect(alert).toContainText('“ETHUSDTT” is not a symbol the exchange lists.');
  await expect(alert.getByTestId('near-match').first()).toHaveText('ETHUSDT');
  await expect(page.getByTestId('pool').first()).toBeVisible();
  await expect(page.getByTestId('symbol-pool')).toHaveCount(0);
});

const HOSTILE: [string, string, boolean][] = [
  // [what, query, whether the symbol view must say in words that it is no symbol]
  ['empty', '?symbol=', false],
  ['only spaces', '?symbol=%20%20', false],
  ['5,000 characters', `?symbol=${'A'.repeat(5000)}`, true],
  ['markup', `?symbol=${encodeURIComponent('<img src=x onerror=alert(1)>')}`, true],
  ['a script tag', `?symbol=${encodeURIComponent('<script>alert(1)</script>')}`, true],
  ['control characters', '?symbol=BTC%00USDT%0A%1B', true],
  ['a path', `?symbol=${encodeURIComponent('../../fapi/v1/order')}`, true],
  ['repeated', '?symbol=BTCUSDT&symbol=ETHUSDT', false],
  [
    'bad values everywhere',
    `?view=%3Cb%3E&refresh=-1&lang=xx&theme=%00&sort=evil&dir=up&asset=${'Z'.repeat(300)}&filter=${'%3C'.repeat(3000)}`,
    false,
  ],
];

for (const [what, query, refused] of HOSTILE) {
  test(`a hostile link (${what}) shows the overview, says what it refused, and asks for nothing impossible`, async ({
    page,
  }) => {
    const errors = watchPageErrors(page);
    const asked = symbolRequests(page);
    page.on('dialog', (d) => {
      errors.push(`dialog: ${d.message()}`);
      void d.dismiss();
    });
    await page.goto(`/${query}`);
    await expect(page.getByTestId('pool').first()).toBeVisible();
    await expect(page.getByRole('combobox', { name: 'Search symbol' })).toBeVisible();
    if (refused) {
      const alert = page.getByRole('alert').filter({ hasText: 'cannot be a futures symbol' });
      await expect(alert).toBeVisible();
      expect((await alert.textContent())!.length).toBeLessThan(300);
    } else {
      await expect(page.getByTestId('symbol-pool')).toHaveCount(0);
    }
    await expect(
      page.locator('img[src="x"], body script:not([src]):not(#prerendered)'),
    ).toHaveCount(0);
    expect(asked).toEqual([]);
    expect(errors).toEqual([]);
  });
}
