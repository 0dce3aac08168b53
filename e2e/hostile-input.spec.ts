import type { Page } from '@playwright/test';
import { expect, test, watchPageErrors } from './fixtures';

/**
 * Whatever arrives in a link or in the search box: nothing runs, nothing breaks, the user is
 * told in words, and text that cannot be a symbol never reaches the endpoint.
 */

const ENDPOINT = '/fapi/v1/insuranceBalance';
const REFUSED = /cannot be a futures symbol/;
const RAW = /\[object |Error:|\bat \w+ \(|ZodError|SyntaxError|undefined|NaN/;
/** Anything markup could have put on the page (the page's own `#prerendered` is data, never run). */
const INJECTED =
  'body script:not([src]):not(#prerendered), img[src="x"], [onerror], [onload], svg[onload], iframe, object, embed, #injected';

interface Watch {
  /** Every `symbol=` the page asked the endpoint about. */
  asked: string[];
  /** Requests to the endpoint, with and without a symbol. */
  requests: number[];
  errors: string[];
}

function watch(page: Page): Watch {
  const w: Watch = { asked: [], requests: [], errors: watchPageErrors(page) };
  page.on('request', (r) => {
    const url = new URL(r.url());
    if (url.pathname !== ENDPOINT) return;
    w.requests.push(Date.now());
    if (url.searchParams.has('symbol')) w.asked.push(url.searchParams.get('symbol')!);
  });
  page.on('dialog', (d) => {
    w.errors.push(`dialog: ${d.message()}`);
    void d.dismiss();
  });
  return w;
}

/** The page still does its job: the overview and the search box are there, nothing injected. */
async function expectIntact(page: Page, w: Watch, { pools = true } = {}) {
  if (pools) await expect(page.getByTestId('pool').first()).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'Search symbol' })).toBeEnabled();
  await expect(page.locator(INJECTED)).toHaveCount(0);
  expect(await page.evaluate(() => (window as { pwned?: unknown }).pwned)).toBeUndefined();
  expect(w.errors).toEqual([]);
}

async function expectRefusedInWords(page: Page, words: RegExp) {
  const alert = page.getByRole('alert').filter({ hasText: words });
  await expect(alert).toBeVisible();
  const text = (await alert.innerText()).trim();
  expect(text.length).toBeLessThan(300);
  expect(text).not.toMatch(RAW);
  return text;
}

const MARKUP = [
  '<script>window.pwned=1</script>',
  '<img src=x onerror="window.pwned=1">',
  '<svg onload="window.pwned=1">',
  '"><iframe src="javascript:window.pwned=1">',
  'javascript:window.pwned=1//',
  '<div id="injected">x</div>',
  '{{constructor.constructor("window.pwned=1")()}}',
];

/** [what, the raw query after `?symbol=`, what the alert must say]. */
const REFUSED_LINKS: [string, string, RegExp][] = [
  [
    '5,000 letters',
    'A'.repeat(5000),
    /is longer than 40 characters, so it cannot be a futures symbol/,
  ],
  ['5,000 angle brackets', '%3C'.repeat(5000), REFUSED],
  ['NUL', 'BTC%00USDT', REFUSED],
  ['control characters', '%07%1B%5B31mBTC%7F', REFUSED],
  ['a right-to-left override', 'BTC%E2%80%AEUSDT', REFUSED],
  ['a zero-width space', 'BTC%E2%80%8BUSDT', REFUSED],
  ...MARKUP.map((m): [string, string, RegExp] => [`markup ${m}`, encodeURIComponent(m), REFUSED]),
  ['raw markup in the address', '<script>window.pwned=1</script>', REFUSED],
  ['path traversal', encodeURIComponent('../../fapi/v1/order'), REFUSED],
  ['path traversal, raw', '../../fapi/v1/order', REFUSED],
  ['backslash traversal', encodeURIComponent('..\\..\\fapi\\v1\\order'), REFUSED],
  ['double-encoded traversal', '..%252F..%252Ffapi%252Fv1%252Forder', REFUSED],
  ['overlong UTF-8 dots', '%C0%AE%C0%AE%2F', REFUSED],
  ['a broken escape', '%E0%A4%A', REFUSED],
  ['a lone percent sign', 'BTC%', REFUSED],
  ['an encoded second parameter', 'BTCUSDT%26symbol%3DETHUSDT', REFUSED],
  ['an encoded signature', 'BTCUSDT%26timestamp%3D1%26signature%3Dx', REFUSED],
  ['a plus inside', 'BTC+USDT', REFUSED],
  ['an encoded fragment', 'BTCUSDT%23x', REFUSED],
  ['an encoded newline and header', 'BTCUSDT%0D%0AX-Injected:%201', REFUSED],
];

test.describe('hostile links', () => {
  test('a symbol that cannot be one is refused in words, without asking the endpoint', async ({
    page,
    stack,
  }) => {
    test.setTimeout(120_000);
    const w = watch(page);
    for (const [what, raw, words] of REFUSED_LINKS) {
      await test.step(what, async () => {
        await page.goto(`${stack.baseURL}/?lang=en&symbol=${raw}`);
        await expectRefusedInWords(page, words);
        await expectIntact(page, w);
        await expect(page.getByTestId('symbol-pool')).toHaveCount(0);
      });
    }
    expect(w.asked).toEqual([]);
  });

  test('empty, blank or repeated symbols show the overview and ask for nothing', async ({
    page,
    stack,
  }) => {
    const w = watch(page);
    for (const query of [
      'symbol=',
      'symbol=%20%20%20',
      'symbol=%09%0A%0D',
      'symbol=+++',
      'symbol=BTCUSDT&symbol=ETHUSDT',
      'symbol=BTCUSDT&symbol=',
      'symbol=%3Cscript%3E&symbol=%3Cscript%3E',
      'symbol',
      '&&&=&symbol&=',
    ]) {
      await test.step(query, async () => {
        await page.goto(`${stack.baseURL}/?lang=en&${query}`);
        await expectIntact(page, w);
        await expect(page.getByTestId('symbol-pool')).toHaveCount(0);
        await expect(page.getByRole('alert')).toHaveCount(0);
      });
    }
    expect(w.asked).toEqual([]);
  });

  test('bad values in every other parameter fall back to their defaults', async ({
    page,
    stack,
  }) => {
    const w = watch(page);
    const bad = [
      `view=${encodeURIComponent(MARKUP[0]!)}&lang=${encodeURIComponent(MARKUP[1]!)}`,
      'view=wall&view=dashboard&lang=en&lang=zh-CN&theme=dark&theme=light',
      'theme=%00&lang=zh-CN%00&sort=__proto__&dir=constructor',
      `asset=${'Z'.repeat(5000)}&filter=${'%3Cb%3E'.repeat(1000)}&scale=${'%2F'.repeat(100)}`,
    ];
    for (const query of bad) {
      await test.step(query.slice(0, 60), async () => {
        await page.goto(`${stack.baseURL}/?${query}`);
        await expectIntact(page, w);
        await expect(page.locator('html')).toHaveAttribute('lang', /^(en|zh-CN)$/);
        await expect(page.locator('html')).toHaveAttribute('data-theme', /^(light|dark)$/);
      });
    }
    await test.step('a path as the filter', async () => {
      await page.goto(`${stack.baseURL}/?lang=en&filter=..%2F..%2Ffapi%2Fv1%2Forder&asset=USDT%00`);
      // Only symbol characters are kept, and the empty result is said in words.
      await expect(page.getByText('No pool has a symbol containing “fapiv1order”.')).toBeVisible();
      await expectIntact(page, w, { pools: false });
    });
    expect(w.asked).toEqual([]);
  });

  test('a refresh period that is not whole seconds cannot make the page hammer the endpoint', async ({
    page,
    stack,
  }) => {
    const w = watch(page);
    for (const refresh of ['0', '-1', '0.001', '1e-9', '%30', '1&refresh=0']) {
      await test.step(refresh, async () => {
        await page.goto(`${stack.baseURL}/?lang=en&refresh=${refresh}`);
        await expectIntact(page, w);
        const loaded = w.requests.length;
        await page.waitForTimeout(1_500);
        // The default of 60 s applies: no refresh at all in the next seconds.
        expect(w.requests.length - loaded, refresh).toBe(0);
      });
    }
  });

  test('the refusal is said in the chosen language', async ({ page, stack }) => {
    const w = watch(page);
    await page.goto(`${stack.baseURL}/?lang=zh-CN&symbol=${encodeURIComponent(MARKUP[0]!)}`);
    const alert = page.getByRole('alert').filter({ hasText: '不可能是合约交易对' });
    await expect(alert).toBeVisible();
    await expect(page.locator(INJECTED)).toHaveCount(0);
    expect(w.asked).toEqual([]);
    expect(w.errors).toEqual([]);
  });
});

test.describe('hostile text in the search box', () => {
  test('is refused in words without a request, keeps what was typed, and search still works after', async ({
    page,
    stack,
  }) => {
    test.setTimeout(90_000);
    const w = watch(page);
    await page.goto(`${stack.baseURL}/?lang=en`);
    await expect(page.getByTestId('pool').first()).toBeVisible();
    const box = page.getByRole('combobox', { name: 'Search symbol' });
    const inputs: [string, string, RegExp][] = [
      ['empty', '', /Type a symbol to search for/],
      ['spaces', '     ', /Type a symbol to search for/],
      ['5,000 characters', 'A'.repeat(5000), /is longer than 40 characters/],
      ['NUL', 'BTC\u0000USDT', REFUSED],
      ['control characters', '\u0007\u001b[31mBTC\u007f', REFUSED],
      ['a right-to-left override', 'BTC\u202eUSDT', REFUSED],
      ...MARKUP.map((m): [string, string, RegExp] => [m, m, REFUSED]),
      ['path traversal', '../../fapi/v1/order', REFUSED],
      ['encoded traversal', '..%2F..%2Ffapi%2Fv1%2Forder', REFUSED],
      ['double-encoded traversal', '%252e%252e%252f', REFUSED],
      ['a second parameter', 'BTCUSDT&symbol=ETHUSDT', REFUSED],
      ['a query', 'BTCUSDT?recvWindow=1', REFUSED],
    ];
    for (const [what, text, words] of inputs) {
      await test.step(what, async () => {
        await box.fill(text);
        await box.press('Enter');
        await expectRefusedInWords(page, words);
        // What was typed stays in the field, to be corrected; nothing was searched (typing
        // narrows the list by the symbol characters of the text, in the same history entry).
        await expect(box).toHaveValue(text);
        await expectIntact(page, w, { pools: false });
        expect(new URL(page.url()).searchParams.has('symbol')).toBe(false);
      });
    }
    expect(w.asked).toEqual([]);
    await box.fill('btcusdt');
    await box.press('Enter');
    await expect(page.getByTestId('symbol-pool')).toContainText('BTCUSDT');
    // found in the pool list on screen
    expect(w.asked).toEqual([]);
    expect(w.errors).toEqual([]);
  });
});
