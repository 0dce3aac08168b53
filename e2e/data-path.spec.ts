import { expect, test } from '@playwright/test';
import { watchPageErrors } from './fixtures';

test('the demo snapshot travels through the proxy to the screen, badged as demo data', async ({
  page,
}) => {
  const errors = watchPageErrors(page);
  const answer = page.waitForResponse((r) => r.url().endsWith('/fapi/v1/insuranceBalance'));
  await page.goto('/');
  const res = await answer;
  expect(res.status()).toBe(200);
  const pools = (await res.json()) as { symbols: string[] }[];
  const symbols = pools.reduce((n, p) => n + p.symbols.length, 0);
  await expect(page.getByTestId('summary')).toContainText(`${pools.length} pools`);
  await expect(page.getByTestId('summary')).toContainText(`${symbols} symbols`);
  await expect(page.getByTestId('demo-badge')).toHaveText('Demo data');
  await expect(page.getByTestId('freshness')).toHaveAttribute('data-state', 'live');
  expect(errors).toEqual([]);
});
