import { expect, test, type Page } from '@playwright/test';

/**
 * The page's language from its first byte to the reader's last switch: the Chinese texts travel
 * in a chunk of their own, and no reader of a Chinese page may see English in the meantime.
 */

const EN_TITLE = 'Insurance fund balances';
const ZH_TITLE = '保险基金余额';

/** Records the main heading each time the page changes, from the document's very start. */
function recordHeadings() {
  const seen: string[] = [];
  const note = () => {
    const text = document.querySelector('h1')?.textContent ?? '';
    if (text !== '' && seen.at(-1) !== text) seen.push(text);
  };
  new MutationObserver(note).observe(document, {
    subtree: true,
    childList: true,
    characterData: true,
  });
  (window as unknown as { headings: string[] }).headings = seen;
}

const headings = (page: Page) =>
  page.evaluate(() => (window as unknown as { headings: string[] }).headings);

test('a page in Chinese comes from the server in Chinese and stays so while it is taken over', async ({
  page,
}) => {
  const url = '/?refresh=3600&lang=zh-CN&symbol=BTCUSDT';
  const html = await (await page.request.get(url, { headers: { accept: 'text/html' } })).text();
  expect(html).toContain('<html lang="zh-CN"');
  expect(html).toContain(ZH_TITLE);
  expect(html).not.toContain(EN_TITLE);

  await page.addInitScript(recordHeadings);
  await page.goto(url);
  const chart = page.getByTestId('history-chart').first();
  await expect(chart.locator('.recharts-line-curve')).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(ZH_TITLE);
  expect(await headings(page)).toEqual([ZH_TITLE]);
});

test('switching language shows the other language at once, never English on the way to Chinese', async ({
  page,
}) => {
  await page.goto('/?refresh=3600&lang=en&symbol=BTCUSDT');
  await expect(
    page.getByTestId('history-chart').first().locator('.recharts-line-curve'),
  ).toBeVisible();
  await page.evaluate(recordHeadings);

  await page.getByLabel('Language').selectOption('zh-CN');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(ZH_TITLE);
  await expect(page.getByRole('region', { name: '此资金池的事件' })).toBeVisible();
  await page.getByLabel('语言').selectOption('en');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(EN_TITLE);
  await page.getByLabel('Language').selectOption('zh-CN');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(ZH_TITLE);
  expect(await headings(page)).toEqual([ZH_TITLE, EN_TITLE, ZH_TITLE]);
});
