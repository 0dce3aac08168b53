import { expect, test } from '@playwright/test';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { UPSTREAM_PORT } from '../playwright.config.ts';
import { startApp, type RunningApp } from './app-server.ts';

const RULE = 'USDT under a trillion';

test.describe('alerts on screen', () => {
  let app: RunningApp | undefined;
  test.afterEach(async () => {
    await app?.close();
    app = undefined;
  });

  async function startWithRules() {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'e2e-alerts-')), 'alerts.json');
    writeFileSync(
      file,
      JSON.stringify({
        rules: [
          { name: RULE, kind: 'below', asset: 'USDT', balance: 1_000_000_000_000 },
          { name: 'No fresh data', kind: 'stale', minutes: 15 },
        ],
      }),
    );
    app = await startApp({
      FAPI_UPSTREAM: `http://127.0.0.1:${UPSTREAM_PORT}`,
      FAPI_RECORD_EVERY: '1',
      ALERTS_FILE: file,
    });
    return app.url;
  }

  test('the overview lists the alert firing on the pool of BTCUSDT, and the rules it watches', async ({
    page,
  }) => {
    const base = await startWithRules();
    // Refreshed every 2 s: the first judging may land after the page first asks.
    await page.goto(`${base}/?refresh=2`);
    const section = page.getByRole('region', { name: 'Alerts' });
    const firing = section.locator(
      `[data-testid="alert"][data-state="firing"][data-rule="${RULE}"]`,
    );
    await expect(firing.filter({ hasText: 'BTCUSDT' })).toHaveCount(1, { timeout: 20_000 });
    await expect(section.getByTestId('alert-rules')).toContainText(
      'the USDT balance of every pool under 1000000000000',
    );
    await expect(section.getByTestId('alert-rules')).toContainText(
      'no new snapshot for 15 minutes',
    );
    await expect(page.locator('[data-testid="alert"][data-rule="No fresh data"]')).toHaveCount(0);
  });

  test('the wall shows a banner for every firing alert, holding its pool’s symbols', async ({
    page,
  }) => {
    const base = await startWithRules();
    await page.goto(`${base}/?view=wall&refresh=2`);
    const banner = page.getByTestId('wall-alerts');
    await expect(
      banner.locator(`[data-testid="alert"][data-state="firing"][data-rule="${RULE}"]`, {
        hasText: 'BTCUSDT',
      }),
    ).toHaveCount(1, { timeout: 20_000 });
    await expect(banner.getByRole('alert')).toContainText('Firing');
    // The banner stands above the pages and, with every pool firing, leaves them room for cards.
    await expect(page.getByTestId('wall-pages').getByTestId('wall-alerts')).toHaveCount(0);
    await expect(page.getByTestId('wall-pages').getByTestId('pool').first()).toBeVisible();
  });

  test('without rules the overview says in two lines how to set them up, in English and Chinese', async ({
    page,
  }) => {
    await page.goto('/');
    const setup = page.getByTestId('alerts-setup');
    await expect(setup.locator('p')).toHaveCount(2);
    await expect(setup).toContainText('ALERTS_FILE');
    await expect(setup).toContainText('npm run alerts -- check');
    await expect(page.locator('[data-testid="alert"]')).toHaveCount(0);
    await page.goto('/?lang=zh-CN');
    await expect(page.getByTestId('alerts-setup')).toContainText('尚未设置告警规则');
  });
});
