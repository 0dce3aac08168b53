import { expect, test } from '@playwright/test';

test('the symbol view opens each balance on an axis fitted to its range, and the link keeps a choice', async ({
  page,
}) => {
  await page.goto('/?symbol=BTCUSDT&refresh=3600');
  const chart = page.locator('[data-testid="history-chart"][data-asset="USDT"]');
  await expect(chart).toBeVisible();
  await expect(chart).toHaveAttribute('data-scale', 'fitted');
  // It does not start at zero, and says so.
  await expect(chart.getByTestId('axis-fitted')).toContainText('does not start at zero');
  await expect(page.getByRole('radio', { name: 'Linear' })).toBeChecked();
  // The lowest tick of the value axis is near the balances, not at zero or a decade below.
  const ticks = () =>
    chart
      .locator('.recharts-yAxis-tick-labels .recharts-cartesian-axis-tick-value')
      .allTextContents();
  await expect.poll(async () => (await ticks()).length).toBeGreaterThan(1);
  expect((await ticks())[0]).not.toMatch(/^0$/);

  await page.getByText('Logarithmic').click();
  await expect(page).toHaveURL(/[?&]scale=log(&|$)/);
  await expect(chart).toHaveAttribute('data-scale', 'log');
  await expect(chart.getByTestId('axis-fitted')).toHaveCount(0);
  await page.reload();
  await expect(chart).toHaveAttribute('data-scale', 'log');
});
