import { expect, test, type Page } from '@playwright/test';
import { baseOf } from '../src/core/pools';
import {
  openOverviewWithTable,
  prerenderedPools,
  test as withStack,
  watchPageErrors,
  type UpstreamPool,
} from './fixtures';

const ENDPOINT = '/fapi/v1/insuranceBalance';
const HAN = /\p{Script=Han}/u;

/** Latin words a Chinese screen keeps: time zone, file formats, protocol, the unit in "U本位". */
const KEPT_IN_CHINESE = new Set(['UTC', 'CSV', 'JSON', 'HTTP', 'U', 'PEPE', 'pepe']);

/** Every symbol, base and asset the upstream sent to this page: data, not interface text. */
function watchData(page: Page): Set<string> {
  const names = new Set<string>();
  page.on('response', async (res) => {
    if (new URL(res.url()).pathname !== ENDPOINT || !res.ok()) return;
    const body = (await res.json().catch(() => [])) as UpstreamPool | UpstreamPool[];
    for (const pool of Array.isArray(body) ? body : [body]) {
      for (const s of pool.symbols ?? []) names.add(s).add(baseOf(s));
      for (const a of pool.assets ?? []) names.add(a.asset);
    }
  });
  return names;
}

/**
 * What a user reads or hears: visible text nodes (screen-reader-only text included), accessible
 * names, titles and placeholders. Text marked with another `lang` (the language switcher's own
 * option names) is left out.
 */
function readTexts(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const lang = document.documentElement.lang;
    const sameLang = (el: Element) => (el.closest('[lang]')?.getAttribute('lang') ?? lang) === lang;
    const texts: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const el = node.parentElement;
      const text = node.textContent?.trim();
      if (!el || !text || !sameLang(el) || el.closest('script, style')) continue;
      // a select's options and a chart's title and description are read without being drawn
      const unseen = el.closest('option, svg title, svg desc') !== null;
      if (unseen || el.checkVisibility({ checkVisibilityCSS: true })) texts.push(text);
    }
    for (const el of document.body.querySelectorAll(
      '[aria-label], [title], [placeholder], [alt], [aria-roledescription]',
    )) {
      if (!sameLang(el)) continue;
      for (const name of ['aria-label', 'title', 'placeholder', 'alt', 'aria-roledescription']) {
        const value = el.getAttribute(name)?.trim();
        if (value) texts.push(value);
      }
    }
    return texts;
  });
}

/** The text with every data name taken out as a whole word, longest first (`BTCUSDT_260327` whole). */
function withoutData(text: string, data: Set<string>): string {
  let rest = text;
  for (const name of [...data].sort((a, b) => b.length - a.length)) {
    const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    rest = rest.replace(new RegExp(`(?<![\\w])${escaped}(?![\\w])`, 'g'), ' ');
  }
  // a chart's axis shortens a long pool name: "1000X · 1000CAT · 1000W…"
  return rest.replace(/(?<![\w])(\w+)…/g, (whole, start: string) =>
    [...data].some((name) => name.startsWith(start)) ? ' ' : whole,
  );
}

/** The data names the page arrived with (rendered on the server) and has fetched since. */
async function allData(page: Page, fetched: Set<string>): Promise<Set<string>> {
  const names = new Set(fetched);
  for (const pool of (await prerenderedPools(page)) ?? []) {
    for (const s of pool.symbols) names.add(s).add(baseOf(s));
    for (const a of pool.assets) names.add(a.asset);
  }
  return names;
}

async function englishWords(page: Page, fetched: Set<string>): Promise<string[]> {
  const data = await allData(page, fetched);
  const words = (await readTexts(page)).flatMap((text) =>
    (withoutData(text, data).match(/[A-Za-z]+/g) ?? [])
      .filter((w) => !KEPT_IN_CHINESE.has(w))
      .map((w) => `${w} (in "${text}")`),
  );
  return [...new Set(words)];
}

async function chineseTexts(page: Page, fetched: Set<string>): Promise<string[]> {
  const data = await allData(page, fetched);
  // the search field's example names a real symbol's base, as a user would type it
  const texts = (await readTexts(page)).filter((t) =>
    HAN.test(withoutData(t, data).replace('币安人生', '')),
  );
  return [...new Set(texts)];
}

test.describe('Chinese', () => {
  test('the overview with its charts, table and export shows no English word', async ({ page }) => {
    const errors = watchPageErrors(page);
    const data = watchData(page);
    await openOverviewWithTable(page, 'lang=zh-CN');
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('保险基金余额');
    await expect(page).toHaveTitle('保险基金余额 · 币安 U本位合约');
    await expect(page.getByRole('combobox', { name: '搜索交易对' })).toBeVisible();
    expect(await englishWords(page, data)).toEqual([]);
    expect(errors).toEqual([]);
  });

  test('the symbol view shows no English word', async ({ page }) => {
    const data = watchData(page);
    await page.goto('/?refresh=3600&lang=zh-CN&symbol=BTCUSDT');
    await expect(page.getByTestId('symbol-pool')).toContainText('BTCUSDT');
    const chart = page.getByTestId('history-chart').first();
    await expect(chart.locator('.recharts-line-curve')).toBeVisible();
    await chart.locator('summary').click();
    await expect(chart.getByTestId('history-table')).toBeVisible();
    await expect(page.getByRole('region', { name: '此资金池的事件' })).toBeVisible();
    expect(await englishWords(page, data)).toEqual([]);
  });

  test('an unknown symbol is reported in Chinese', async ({ page }) => {
    const data = watchData(page);
    await page.goto('/?refresh=3600&lang=zh-CN&symbol=NOSUCHUSDT');
    await expect(page.getByRole('alert').first()).toContainText('NOSUCHUSDT');
    expect(await englishWords(page, data.add('NOSUCHUSDT'))).toEqual([]);
  });

  test('the wall shows no English word', async ({ page }) => {
    const data = watchData(page);
    await page.goto('/?view=wall&refresh=3600&lang=zh-CN');
    await expect(page.getByTestId('wall').getByTestId('pool').first()).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
    expect(await englishWords(page, data)).toEqual([]);
  });
});

test.describe('English', () => {
  test('the overview with its charts and table shows no Chinese but data', async ({ page }) => {
    const data = watchData(page);
    await openOverviewWithTable(page, 'lang=en');
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Insurance fund balances');
    await expect(page).toHaveTitle('Insurance fund balances · Binance USDⓈ-M futures');
    // the switcher names Chinese in Chinese, marked as such
    await expect(page.getByLabel('Language').locator('option[lang="zh-CN"]')).toHaveText(
      '简体中文',
    );
    expect(await chineseTexts(page, data)).toEqual([]);
    // the reader that finds no English word on the Chinese page finds them here
    expect(await englishWords(page, data)).toContainEqual(expect.stringMatching(/^Insurance /));
  });

  test('the symbol view and the wall show no Chinese but data', async ({ page }) => {
    const data = watchData(page);
    await page.goto('/?refresh=3600&lang=en&symbol=BTCUSDT');
    await expect(page.getByTestId('symbol-pool')).toContainText('BTCUSDT');
    expect(await chineseTexts(page, data)).toEqual([]);
    await page.goto('/?view=wall&refresh=3600&lang=en');
    await expect(page.getByTestId('wall').getByTestId('pool').first()).toBeVisible();
    expect(await chineseTexts(page, data)).toEqual([]);
  });
});

/** Any catalogue key on the page (`wall.headline`), as a text would show before its chunk came. */
const KEY =
  /\b(?:app|pools|overview|search|charts|events|export|history|wall|error|flags|value|change|freshness|settings|spark|meta)\.[a-z][A-Za-z]+(?:\.[A-Za-z]+)*\b/g;

async function keysShown(page: Page): Promise<string[]> {
  const text = await page.locator('body').innerText();
  const titles = await page
    .locator('[title], [aria-label]')
    .evaluateAll((all) =>
      all.map((e) => `${e.getAttribute('title') ?? ''} ${e.getAttribute('aria-label') ?? ''}`),
    );
  return [...`${text} ${titles.join(' ')}`.matchAll(KEY)].map((m) => m[0]);
}

test.describe('English texts that travel with their views', () => {
  test('no view shows a text key instead of its words, however its code arrived', async ({
    page,
  }) => {
    // The overview, down to the charts, the events and the export, which come after the page.
    await openOverviewWithTable(page, 'lang=en');
    await expect(page.getByRole('heading', { name: 'Recent events' })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Export' })).toBeVisible();
    expect(await keysShown(page)).toEqual([]);
    // A symbol view reached by a search, its code fetched after the overview's.
    await page.getByRole('combobox', { name: 'Search symbol' }).fill('BTCUSDT');
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('symbol-pool')).toContainText('BTCUSDT');
    await expect(page.getByTestId('history-chart').first()).toBeVisible();
    expect(await keysShown(page)).toEqual([]);
    // A symbol view and a wall opened from their links, their code before the first render.
    await page.goto('/?refresh=3600&lang=en&symbol=ETHUSDT');
    await expect(page.getByTestId('symbol-pool')).toContainText('ETHUSDT');
    expect(await keysShown(page)).toEqual([]);
    await page.goto('/?view=wall&refresh=3600&lang=en');
    await expect(page.getByTestId('wall').getByTestId('pool').first()).toBeVisible();
    expect(await keysShown(page)).toEqual([]);
  });
});

test.describe('without ?lang, a Chinese browser', () => {
  test.use({ locale: 'zh-CN' });

  test('gets the Chinese interface', async ({ page }) => {
    await page.goto('/?refresh=3600');
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('保险基金余额');
  });

  test('still gets English when the link asks for it', async ({ page }) => {
    await page.goto('/?refresh=3600&lang=en');
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Insurance fund balances');
  });
});

test.describe('an English page read in Britain, east of UTC', () => {
  test.use({ locale: 'en-GB', timezoneId: 'Asia/Shanghai' });

  test('writes dates in one order for every reader and every time with its zone', async ({
    page,
  }) => {
    await page.goto('/?refresh=3600&lang=en');
    await expect(page.getByTestId('pool').first()).toBeVisible();
    const summary = page.locator('[aria-labelledby="summary-heading"]');
    await expect(summary).toContainText(/\d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC/);
    await expect(summary).not.toContainText(/\d\d\/\d\d\/\d{4}/);
    await expect(page.getByTestId('freshness')).toContainText(/Last refresh \d\d:\d\d:\d\d UTC\+8/);
  });
});

test.describe('without ?lang, a French browser', () => {
  test.use({ locale: 'fr-FR' });

  test('falls back to English, as does a language the dashboard does not know', async ({
    page,
  }) => {
    await page.goto('/?refresh=3600');
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Insurance fund balances');
    await page.goto('/?refresh=3600&lang=de');
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Insurance fund balances');
  });
});

test('the language switcher changes the page and keeps the rest of the link', async ({ page }) => {
  await page.goto('/?symbol=BTCUSDT&refresh=3600&theme=dark&sort=name');
  await expect(page.getByTestId('symbol-pool')).toBeVisible();
  await page.getByLabel('Language').selectOption('zh-CN');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('保险基金余额');
  const params = new URL(page.url()).searchParams;
  expect(Object.fromEntries(params)).toEqual({
    symbol: 'BTCUSDT',
    refresh: '3600',
    theme: 'dark',
    sort: 'name',
    lang: 'zh-CN',
  });
  await expect(page.getByTestId('symbol-pool')).toContainText('BTCUSDT');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');

  await page.getByLabel('语言').selectOption('en');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  expect(new URL(page.url()).searchParams.get('symbol')).toBe('BTCUSDT');
});

test('the theme switcher keeps the link and recolours the page', async ({ page }) => {
  await page.goto('/?symbol=BTCUSDT&refresh=3600&lang=en&theme=light');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  const light = await page.evaluate(
    () => getComputedStyle(document.documentElement).backgroundColor,
  );
  await page.getByLabel('Theme').selectOption('dark');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  const dark = await page.evaluate(
    () => getComputedStyle(document.documentElement).backgroundColor,
  );
  expect(dark).not.toBe(light);
  expect(Object.fromEntries(new URL(page.url()).searchParams)).toEqual({
    symbol: 'BTCUSDT',
    refresh: '3600',
    lang: 'en',
    theme: 'dark',
  });
});

/** The API's own field names, which the Chinese documentation writes in English too. */
const API_WORDS = new Set([
  'HTTP',
  'JSON',
  'symbols',
  'assets',
  'asset',
  'marginBalance',
  'updateTime',
]);

withStack('an answer that cannot be read is reported in Chinese', async ({ page, stack }) => {
  await page.goto(`${stack.baseURL}/?refresh=1&lang=zh-CN`);
  await expect(page.getByTestId('pool').first()).toBeVisible();
  for (const mode of ['html-502', 'wrong-type'] as const) {
    stack.upstream!.setFault(mode);
    const alert = page.getByRole('alert').filter({ hasText: '无法解析' });
    await expect(alert).toBeVisible();
    const words = ((await alert.textContent()) ?? '').match(/[A-Za-z]+/g) ?? [];
    expect(
      words.filter((w) => !API_WORDS.has(w)),
      mode,
    ).toEqual([]);
    stack.upstream!.setFault('none');
    await expect(alert).toHaveCount(0);
  }
});
