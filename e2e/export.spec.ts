import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { openWithAnswer, watchPageErrors, type UpstreamPool } from './fixtures';
import { sumDecimals } from '../src/core/decimal';
import { readCsv } from '../src/test/read-csv';

/** Opens the page (refresh an hour away) and returns the upstream answer on screen. */
async function open(page: Page): Promise<UpstreamPool[]> {
  const pools = await openWithAnswer(page, '/?refresh=3600');
  await expect(page.getByRole('button', { name: 'Download CSV' })).toBeVisible();
  return pools;
}

/** The snapshot time as the file name carries it: the newest update, to the second, UTC. */
function stampOf(pools: UpstreamPool[]): string {
  const newest = Math.max(...pools.flatMap((p) => p.assets.map((a) => a.updateTime)));
  return new Date(newest)
    .toISOString()
    .replace(/\.\d+Z$/, 'Z')
    .replaceAll(':', '-');
}

async function download(page: Page, button: string) {
  const started = page.waitForEvent('download');
  await page.getByRole('button', { name: button }).click();
  const file = await started;
  return { name: file.suggestedFilename(), bytes: await readFile((await file.path())!) };
}

test('the CSV download has a row per pool and asset, summing to the true totals, UTF-8 with BOM', async ({
  page,
}) => {
  const errors = watchPageErrors(page);
  const pools = await open(page);
  // The file carries the ADL ratings once the page has them.
  await expect(page.getByTestId('adl-summary').first()).toBeVisible();
  const { name, bytes } = await download(page, 'Download CSV');
  expect(name).toBe(`insurance-fund-demo-${stampOf(pools)}.csv`);
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);

  const [header, ...rows] = readCsv(bytes.subarray(3).toString('utf8'));
  expect(header).toEqual([
    'pool_key',
    'pool',
    'symbol_count',
    'symbols',
    'asset',
    'balance',
    'update_time',
    // the exchange's ADL risk ratings of the pool's members (docs/adl.md)
    'adl_high',
    'adl_medium',
    'adl_low',
    'adl_unrated',
    'adl_high_symbols',
  ]);
  for (const r of rows)
    expect(Number(r[7]) + Number(r[8]) + Number(r[9]) + Number(r[10])).toBe(Number(r[2]));
  const expected = pools.flatMap((p) =>
    p.assets.map((a) => [
      [...p.symbols].sort().join(','),
      String(p.symbols.length),
      p.symbols.join(' '),
      a.asset,
      a.marginBalance,
      new Date(a.updateTime).toISOString(),
    ]),
  );
  expect(rows.map((r) => [r[0], ...r.slice(2, 7)])).toEqual(expected);
  // a spreadsheet's SUM of balance by asset is the summary's exact total
  for (const asset of new Set(rows.map((r) => r[4]!))) {
    const sum = sumDecimals(rows.filter((r) => r[4] === asset).map((r) => r[5]!));
    await expect(page.locator(`[data-testid="total"][data-asset="${asset}"]`)).toHaveAttribute(
      'data-value',
      sum,
    );
  }
  expect(rows.find((r) => r[3]!.includes('币安人生USDT'))?.[1]).toContain('币安人生');
  expect(errors).toEqual([]);
});

test('which pool covers each symbol is a file of its own, with no balances', async ({ page }) => {
  const pools = await open(page);
  const { name, bytes } = await download(page, 'Download symbols (CSV)');
  expect(name).toBe(`insurance-fund-demo-symbols-${stampOf(pools)}.csv`);
  const [header, ...rows] = readCsv(bytes.subarray(3).toString('utf8'));
  expect(header).toEqual(['symbol', 'pool_key', 'pool']);
  expect(rows.map((r) => r.slice(0, 2))).toEqual(
    pools.flatMap((p) => p.symbols.map((s) => [s, [...p.symbols].sort().join(',')])),
  );
});

test('the JSON download keeps every balance as the upstream string, times in ISO 8601 UTC', async ({
  page,
}) => {
  const pools = await open(page);
  const { name, bytes } = await download(page, 'Download JSON');
  expect(name).toBe(`insurance-fund-demo-${stampOf(pools)}.json`);
  const body = JSON.parse(bytes.toString('utf8')) as {
    source: string;
    pools: {
      symbols: string[];
      assets: { asset: string; marginBalance: unknown; updateTime: string }[];
    }[];
  };
  expect(body.source).toBe('demo');
  expect(body.pools.map((p) => p.symbols)).toEqual(pools.map((p) => p.symbols));
  expect(
    body.pools.map((p) => p.assets.map((a) => [a.asset, a.marginBalance, a.updateTime])),
  ).toEqual(
    pools.map((p) =>
      p.assets.map((a) => [a.asset, a.marginBalance, new Date(a.updateTime).toISOString()]),
    ),
  );
});
