import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { openOverviewWithTable } from './fixtures';

/** Every rule axe knows, injected from node_modules: no network. Serious and critical ones fail. */
async function seriousViolations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) =>
      v.nodes.map(
        (n) => `${v.id} (${v.impact}): ${n.target.join(' ')} — ${n.failureSummary ?? v.help}`,
      ),
    );
}

function openDashboard(page: Page, query = '') {
  return openOverviewWithTable(page, `lang=en${query}`);
}

/** A symbol view with its history charts drawn, one chart's table open and its events listed. */
async function openSymbolView(page: Page, query: string) {
  await page.goto(`/?refresh=3600&${query.includes('lang=') ? '' : 'lang=en&'}${query}`);
  await expect(page.getByTestId('symbol-pool')).toBeVisible();
  const chart = page.getByTestId('history-chart').first();
  await expect(chart.locator('.recharts-line-curve')).toBeVisible();
  await chart.locator('summary').click();
  await expect(chart.getByTestId('history-table')).toBeVisible();
  await expect(
    page
      .getByTestId('event')
      .or(page.getByText(/Nothing happened|此时间范围内无事件/))
      .first(),
  ).toBeVisible();
}

test.describe('axe finds no serious or critical violation', () => {
  test('on the overview', async ({ page }) => {
    await openDashboard(page);
    expect(await seriousViolations(page)).toEqual([]);
  });

  test('on the symbol view, its history and its events', async ({ page }) => {
    await openSymbolView(page, 'symbol=LINKUSDT&range=30d');
    await expect(page.getByTestId('regrouping')).toHaveCount(1);
    expect(await seriousViolations(page)).toEqual([]);
  });

  test('in the dark theme', async ({ page }) => {
    await openSymbolView(page, 'theme=dark&symbol=BTCUSDT');
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    expect(await seriousViolations(page)).toEqual([]);
  });

  test('on the symbol view in Chinese', async ({ page }) => {
    await openSymbolView(page, 'lang=zh-CN&symbol=BTCUSDT&range=24h');
    expect(await seriousViolations(page)).toEqual([]);
  });

  test('in Chinese', async ({ page }) => {
    await page.goto('/?refresh=3600&lang=zh-CN');
    await expect(
      page.getByTestId('asset-chart').first().locator('.recharts-bar-rectangle').first(),
    ).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
  });

  test('on the wall', async ({ page }) => {
    await page.goto('/?view=wall&refresh=3600&lang=en');
    await expect(page.getByTestId('wall').getByTestId('pool').first()).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    expect(await seriousViolations(page)).toEqual([]);
  });

  test('on the wall in the light theme', async ({ page }) => {
    await page.goto('/?view=wall&refresh=3600&lang=en&theme=light');
    await expect(page.getByTestId('wall').getByTestId('pool').first()).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
  });
});

const isFocused = (target: Locator) => target.evaluate((el) => el === document.activeElement);

/** Presses Tab until `target` has focus; fails when it is not in the tab order. */
async function tabTo(page: Page, target: Locator, most = 400) {
  await expect(target).toBeVisible();
  for (let i = 0; i < most; i++) {
    await page.keyboard.press('Tab');
    if (await isFocused(target)) return;
  }
  throw new Error(`${target.toString()} is not reached by Tab`);
}

test.describe('keyboard only', () => {
  test('search: Tab to the field, type, ArrowDown, Enter opens the symbol', async ({ page }) => {
    await page.goto('/?refresh=3600&lang=en');
    await expect(page.getByTestId('pool').first()).toBeVisible();
    const field = page.getByRole('combobox', { name: 'Search symbol' });
    await tabTo(page, field);
    await page.keyboard.type('eth');
    await page.keyboard.press('ArrowDown');
    const active = page.locator('[role="option"][aria-selected="true"]');
    await expect(active).toHaveCount(1);
    const chosen = (await active.textContent())!;
    expect(chosen).toMatch(/ETH/);
    await expect(field).toHaveAttribute(
      'aria-activedescendant',
      (await active.getAttribute('id'))!,
    );
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(new RegExp(`[?&]symbol=${chosen}(&|$)`));
    await expect(page.getByTestId('symbol-pool')).toContainText(chosen);
  });

  test('sorting: Tab to "Sort by" and change it with the arrow keys', async ({ page }) => {
    await page.goto('/?refresh=3600&lang=en');
    await expect(page.getByTestId('pool').first()).toBeVisible();
    const sort = page.getByLabel('Sort by');
    await tabTo(page, sort);
    // From the default, value, to the next choice: balance.
    await page.keyboard.press('ArrowDown');
    await expect(page).toHaveURL(/[?&]sort=balance(&|$)/);
    await tabTo(page, page.getByLabel('Order'), 10);
    await page.keyboard.press('ArrowDown');
    await expect(page).toHaveURL(/[?&]dir=asc(&|$)/);
  });

  test("charts: the scale and each chart's data table are reached and opened", async ({ page }) => {
    await page.goto('/?refresh=3600&lang=en');
    const chart = page.getByTestId('asset-chart').first();
    await expect(chart.locator('.recharts-bar-rectangle').first()).toBeVisible();
    await tabTo(page, page.getByRole('radio', { name: 'Logarithmic' }));
    await page.keyboard.press('ArrowRight');
    await expect(page).toHaveURL(/[?&]scale=linear(&|$)/);
    const summary = chart.locator('summary');
    await tabTo(page, summary);
    await page.keyboard.press('Enter');
    const table = chart.locator('table');
    await expect(table).toBeVisible();
    const link = table.getByRole('link').first();
    await tabTo(page, link, 5);
    const name = (await link.textContent())!;
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/[?&]symbol=/);
    await expect(page.getByTestId('symbol-pool')).toBeVisible();
    expect(name).not.toBe('');
  });

  test('history: Tab to a range and open it, then walk the chart with the arrow keys', async ({
    page,
  }) => {
    await page.goto('/?refresh=3600&lang=en&symbol=BTCUSDT');
    const chart = page.locator('[data-testid="history-chart"][data-asset="USDT"]');
    await expect(chart.locator('.recharts-line-curve')).toBeVisible();
    await tabTo(page, page.getByRole('link', { name: 'Last 24 hours' }));
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/[?&]range=24h(&|$)/);
    await tabTo(page, chart.getByRole('application'));
    await page.keyboard.press('End');
    await expect(chart.getByTestId('history-readout')).toContainText('USDT');
    await tabTo(page, chart.locator('summary'), 10);
    await page.keyboard.press('Enter');
    await expect(chart.getByTestId('history-table')).toBeVisible();
  });

  test('export: Tab to "Download CSV" and Enter downloads the snapshot', async ({ page }) => {
    await page.goto('/?refresh=3600&lang=en');
    await expect(page.getByTestId('pool').first()).toBeVisible();
    await tabTo(page, page.getByRole('button', { name: 'Download CSV' }));
    const download = page.waitForEvent('download');
    await page.keyboard.press('Enter');
    expect((await download).suggestedFilename()).toMatch(/\.csv$/);
    await page.keyboard.press('Tab');
    await expect(page.getByRole('button', { name: 'Download JSON' })).toBeFocused();
  });

  test('every stop of the tab order shows where the focus is', async ({ page }) => {
    await openDashboard(page);
    const stops: { name: string; visible: boolean }[] = [];
    for (let i = 0; i < 400; i++) {
      await page.keyboard.press('Tab');
      const stop = await page.evaluate(() => {
        const el = document.activeElement;
        const w = window as unknown as { tabStops?: WeakSet<Element> };
        w.tabStops ??= new WeakSet();
        if (!el || el === document.body || w.tabStops.has(el)) return undefined;
        w.tabStops.add(el);
        const ring = (e: Element | null) => {
          if (!e) return false;
          const s = getComputedStyle(e);
          return s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0;
        };
        const label = el.getAttribute('aria-label') ?? el.textContent ?? '';
        const name = `${el.tagName.toLowerCase()} "${label.trim().slice(0, 40)}"`;
        // a visually hidden radio button shows its focus on its label
        const drawn = ring(el) && el.getBoundingClientRect().width > 1;
        return { name, visible: drawn || ring(el.closest('label')) };
      });
      if (!stop) break;
      stops.push(stop);
    }
    // the walk went through the whole page, to the export at its end
    expect(stops.map((s) => s.name)).toContain('button "Download JSON"');
    expect(stops.filter((s) => !s.visible).map((s) => s.name)).toEqual([]);
  });
});

test.describe('with prefers-reduced-motion', () => {
  test.beforeEach(async ({ page }) => {
    await page.emulateMedia({ reducedMotion: 'reduce' });
  });

  /** CSS animations and transitions still running longer than the 0.01 ms the page allows. */
  const moving = (page: Page) =>
    page.evaluate(() =>
      document
        .getAnimations()
        .filter((a) => a.playState === 'running')
        .map((a) => ({
          name: a.constructor.name,
          duration: Number(a.effect?.getTiming().duration),
        }))
        .filter((a) => a.duration > 0.01),
    );

  test('nothing moves while balances change and the pointer rests on a chart', async ({ page }) => {
    // balances move every second in the demo: refresh every 2 s marks changed balances
    await page.goto('/?refresh=2&lang=en');
    const bar = page.getByTestId('asset-chart').first().locator('.recharts-bar-rectangle').first();
    await expect(bar).toBeVisible();
    await bar.hover();
    await expect(page.locator('[data-testid="balance"][data-change]').first()).toBeVisible({
      timeout: 15_000,
    });
    expect(await moving(page)).toEqual([]);
  });

  test('an animation or transition added to any element is cut short', async ({ page }) => {
    await page.goto('/?refresh=3600&lang=en');
    await expect(page.getByTestId('pool').first()).toBeVisible();
    const probe = await page.evaluate(() => {
      const style = document.createElement('style');
      style.textContent =
        '@keyframes probe-spin { to { transform: rotate(1turn); } } ' +
        '.probe { animation: probe-spin 2s linear infinite; transition: opacity 3s; }';
      document.head.append(style);
      const el = document.createElement('div');
      el.className = 'probe';
      document.body.append(el);
      const s = getComputedStyle(el);
      return { animation: s.animationDuration, transition: s.transitionDuration };
    });
    expect(probe).toEqual({ animation: '1e-05s', transition: '1e-05s' });
  });
});
