import { expect, test, type Page } from '@playwright/test';

/** Whether the page scrolls sideways, and what runs past its right edge if it does. */
function sideways(page: Page) {
  return page.evaluate(() => {
    const root = document.documentElement;
    const width = root.clientWidth;
    const past = [...document.body.querySelectorAll('*')]
      .filter((e) => e.getBoundingClientRect().right > width + 0.5)
      .filter((e) => !e.closest('[class*="overflow"]'))
      .slice(0, 3)
      .map((e) => (e.textContent ?? '').slice(0, 40));
    return { scrolls: root.scrollWidth > width, past };
  });
}

async function expectNoSideways(page: Page, where: string) {
  const facts = await sideways(page);
  expect(facts, `${where}: ${facts.past.join(' | ')}`).toMatchObject({ scrolls: false });
}

for (const width of [360, 390, 430]) {
  test(`a phone ${width} px wide never scrolls sideways, in English or Chinese`, async ({
    page,
  }) => {
    test.setTimeout(90_000);
    await page.setViewportSize({ width, height: 800 });
    for (const lang of ['en', 'zh-CN']) {
      // The overview, with the totals of each asset across pools and every table opened.
      await page.goto(`/?lang=${lang}&refresh=3600`);
      await expect(page.getByTestId('total').first()).toBeVisible();
      await expect(page.getByTestId('total-change').first()).toBeAttached();
      await expect(page.getByTestId('asset-chart').first()).toBeAttached();
      await page.evaluate(() => {
        for (const d of document.querySelectorAll('details')) d.open = true;
      });
      await expectNoSideways(page, `${lang} overview`);
      // The export panel, at the foot of the overview.
      const exportPanel = page.locator('section[aria-labelledby="export-title"]');
      await exportPanel.scrollIntoViewIfNeeded();
      await expect(exportPanel).toBeVisible();
      await expectNoSideways(page, `${lang} export`);
      // The symbol view, its history drawn.
      await page.goto(`/?symbol=BTCUSDT&lang=${lang}&refresh=3600`);
      await expect(page.getByTestId('history-chart').first()).toBeVisible();
      await page.evaluate(() => {
        for (const d of document.querySelectorAll('details')) d.open = true;
      });
      await expectNoSideways(page, `${lang} symbol view`);
    }
  });
}
