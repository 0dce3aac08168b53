import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { subtractDecimals } from '../src/core/decimal';
import { formatMoment, type MomentAnswer, type MomentRange } from '../src/core/moment';
import { LATE_MOVE } from '../server/demo/history-seed';

/**
 * The shared server holds 30 generated days of history (playwright.config.ts). A moment a week
 * back is opened by its link: every pool as recorded then, said not to be live, with the way back.
 */
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

async function momentOf(page: Page, at: number): Promise<MomentAnswer> {
  const res = await page.request.get(`/api/snapshot?at=${at}`);
  expect(res.status()).toBe(200);
  return (await res.json()) as MomentAnswer;
}

const balances = (page: Page) =>
  page
    .locator('[data-testid="pool"] [data-testid="balance"]')
    .evaluateAll((els) =>
      els
        .map(
          (e) =>
            `${e.closest('[data-testid="pool"]')!.getAttribute('data-pool-key')}|${e.getAttribute('data-asset')}|${e.getAttribute('data-value')}`,
        )
        .sort(),
    );

test('a link to a moment a week back shows every pool as recorded then, not live', async ({
  page,
}) => {
  const at = Math.floor((Date.now() - 7 * DAY) / 60_000) * 60_000;
  const recorded = await momentOf(page, at);
  await page.goto(`/?at=${formatMoment(at)}`);
  await expect(page.getByTestId('as-of')).toHaveAttribute('data-at', String(at));
  await expect(page.getByTestId('as-of')).toContainText(/Not live/);
  // the freshness badge claims nothing live
  await expect(page.locator('[data-testid="freshness"][data-state="live"]')).toHaveCount(0);
  await expect(page.getByTestId('pool')).toHaveCount(recorded.answer.length);
  const expected = recorded.answer
    .flatMap((p) =>
      p.assets.map((a) => `${[...p.symbols].sort().join(',')}|${a.asset}|${a.marginBalance}`),
    )
    .sort();
  expect(await balances(page)).toEqual(expected);
  // and they are not the live balances
  await page.getByRole('button', { name: 'Back to live' }).click();
  await expect(page.getByTestId('as-of')).toHaveCount(0);
  await expect(page.getByTestId('pool').first()).toBeVisible();
  expect(await balances(page)).not.toEqual(expected);
  // from live, a day back is one click, and Back returns to live
  await page.getByTestId('moment-entry').nth(1).click();
  await expect(page.getByTestId('as-of')).toBeVisible();
  const dayBack = Number(await page.getByTestId('as-of').getAttribute('data-at'));
  expect(Math.abs(Date.now() - DAY - dayBack)).toBeLessThan(5 * 60_000);
  await page.goBack();
  await expect(page.getByTestId('as-of')).toHaveCount(0);
  await page.goBack();
  await expect(page.getByTestId('as-of')).toHaveAttribute('data-at', String(at));
});

test('with vs, each balance gives its exact change between the two moments', async ({ page }) => {
  const at = Math.floor((Date.now() - 3 * DAY) / 60_000) * 60_000;
  const vs = at - DAY;
  const [now, then] = [await momentOf(page, at), await momentOf(page, vs)];
  await page.goto(`/?at=${at}&vs=${vs}&sort=changeVs`);
  await expect(page.getByTestId('as-of')).toHaveAttribute('data-at', String(at));
  const before = new Map(then.answer.map((p) => [[...p.symbols].sort().join(','), p]));
  let checked = 0;
  for (const p of now.answer.slice(0, 30)) {
    const key = [...p.symbols].sort().join(',');
    const old = before.get(key);
    const row = page.locator(`[data-testid="pool"][data-pool-key="${key}"]`);
    for (const a of p.assets) {
      const cell = row.locator(`[data-testid="change"][data-window="vs"][data-asset="${a.asset}"]`);
      const was = old?.assets.find((x) => x.asset === a.asset);
      if (!old) await expect(cell).toHaveAttribute('data-regrouped', 'true');
      else if (was) {
        await expect(cell).toHaveAttribute(
          'data-value',
          subtractDecimals(a.marginBalance, was.marginBalance),
        );
        checked += 1;
      }
    }
  }
  expect(checked).toBeGreaterThan(5);
  await expect(page.getByTestId('usd-total-vs')).toBeVisible();
});

test('a pool regrouped between the two moments is named, not counted as a loss', async ({
  page,
}) => {
  // The demo's history moves a symbol into another pool 6 hours before its end.
  const at = Math.floor((Date.now() - HOUR) / 60_000) * 60_000;
  await page.goto(`/?at=${at}&vs=${at - 12 * HOUR}`);
  const joined = page.getByTestId('pool').filter({ hasText: LATE_MOVE.into });
  await expect(joined).toContainText(LATE_MOVE.symbol);
  const change = joined.locator('[data-testid="change"][data-window="vs"]');
  await expect(change.first()).toHaveAttribute('data-regrouped', 'true');
  await expect(joined.locator('[data-testid="change"][data-value]')).toHaveCount(0);
  await expect(joined.getByTestId('moment-regrouped')).toContainText('Regrouped since');
});

test('the moment’s CSV holds the balances recorded then, named with the moment', async ({
  page,
}) => {
  const at = Math.floor((Date.now() - 2 * DAY) / 60_000) * 60_000;
  const recorded = await momentOf(page, at);
  await page.goto(`/?at=${at}`);
  await expect(page.getByTestId('pool').first()).toBeVisible();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download CSV' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe(
    `insurance-fund-demo-as-of-${new Date(at).toISOString().slice(0, 19).replaceAll(':', '-')}Z.csv`,
  );
  const text = await (await download.createReadStream()).toArray();
  const csv = Buffer.concat(text).toString('utf8');
  for (const p of recorded.answer.slice(0, 5))
    for (const a of p.assets) expect(csv).toContain(a.marginBalance);
});

test('Back and Forward walk the moments chosen, and a bad moment says so and shows live', async ({
  page,
}) => {
  const at = Math.floor((Date.now() - 5 * DAY) / 60_000) * 60_000;
  await page.goto(`/?at=${at}`);
  await expect(page.getByTestId('as-of')).toHaveAttribute('data-at', String(at));
  await page.getByTestId('moment-vs').first().click();
  await expect(page).toHaveURL(/vs=/);
  await expect(page.locator('[data-testid="change"][data-window="vs"]').first()).toBeAttached();
  const slider = page.getByTestId('moment-slider');
  await slider.focus();
  await page.keyboard.press('PageDown');
  const moved = at - DAY;
  await expect(page.getByTestId('as-of')).toHaveAttribute('data-at', String(moved));
  await page.goBack();
  await expect(page.getByTestId('as-of')).toHaveAttribute('data-at', String(at));
  await expect(page).toHaveURL(/vs=/);
  await page.goBack();
  await expect(page).not.toHaveURL(/vs=/);
  await page.goForward();
  await page.goForward();
  await expect(page.getByTestId('as-of')).toHaveAttribute('data-at', String(moved));

  await page.goto('/?at=last-tuesday');
  await expect(page.getByRole('alert').filter({ hasText: 'last-tuesday' })).toContainText(
    'showing live data',
  );
  await expect(page.getByTestId('as-of')).toHaveCount(0);
  await expect(page.getByTestId('pool').first()).toBeVisible();
});

test('axe finds no serious or critical violation on a moment compared with another', async ({
  page,
}) => {
  test.setTimeout(150_000);
  const at = Math.floor((Date.now() - 2 * DAY) / 60_000) * 60_000;
  await page.goto(`/?at=${at}&vs=${at - DAY}&lang=en`);
  await expect(page.locator('[data-testid="change"][data-window="vs"]').first()).toBeAttached();
  const { violations } = await new AxeBuilder({ page }).analyze();
  const serious = violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')} — ${n.failureSummary}`));
  expect(serious).toEqual([]);
});

test('a vs moment in a gap of the history, or before it, says which recording the change is from', async ({
  page,
}) => {
  const range = (await (await page.request.get('/api/snapshot/range')).json()) as MomentRange;
  // The generated month ends before the server's own recording began: a gap between the two.
  const gaps = range.coverage.slice(1).map((c, i) => [range.coverage[i]![1], c[0]] as const);
  const gap = gaps.find(([from, to]) => to - from > 2_000);
  expect(gap, JSON.stringify(range.coverage)).toBeDefined();
  const vs = Math.floor((gap![0] + gap![1]) / 2);
  const used = await momentOf(page, vs);
  expect(used.gap).toBe(true);
  const at = range.last;
  const utc = (ms: number) => `${new Date(ms).toISOString().slice(0, 19).replace('T', ' ')} UTC`;

  await page.goto(`/?at=${at}&vs=${vs}`);
  const note = page.getByTestId('as-of-vs');
  await expect(note).toHaveAttribute('data-kind', 'gap');
  await expect(note).toHaveAttribute('role', 'alert');
  await expect(note).toHaveAttribute('data-used', String(used.observedAt));
  await expect(note).toContainText(`comparison moment ${utc(vs)}`);
  await expect(note).toContainText(`made at ${utc(used.observedAt)}`);
  // the change is still given, from that recording
  await expect(page.locator('[data-testid="change"][data-window="vs"]').first()).toBeAttached();

  // the moment itself in that gap is said the same way
  await page.goto(`/?at=${vs}`);
  await expect(page.getByTestId('as-of-gap')).toContainText(`made at ${utc(used.observedAt)}`);

  await page.goto(`/?at=${at}&vs=${vs}&lang=zh-CN`);
  await expect(page.getByTestId('as-of-vs')).toContainText('空缺');
  await expect(page.getByTestId('as-of-vs')).toContainText(utc(vs));

  // Before the first recording: the change is counted from the first one, and said so.
  const early = range.first + 2 * DAY;
  await page.goto(`/?at=${early}&vs=${range.first - DAY}`);
  await expect(page.getByTestId('as-of-vs')).toHaveAttribute('data-kind', 'before');
  await expect(page.getByTestId('as-of-vs')).toContainText(`made at ${utc(range.first)}`);
  await expect(page.locator('[data-testid="change"][data-window="vs"]').first()).toBeAttached();
});

test('the title of a past moment says it is that recording, from the server and as the moment changes', async ({
  page,
}) => {
  const at = Math.floor((Date.now() - 4 * DAY) / 60_000) * 60_000;
  const vs = at - DAY;
  const utc = (ms: number) => `${new Date(ms).toISOString().slice(0, 19).replace('T', ' ')} UTC`;
  const site = 'Insurance fund balances · Binance USDⓈ-M futures';

  // The page the server sends already says so (a link's preview, a tab before any script runs).
  const html = await (await page.request.get(`/?at=${at}&vs=${vs}&lang=en`)).text();
  const sent = /<title>([^<]*)<\/title>/.exec(html)?.[1];
  if (html.includes('id="prerendered"'))
    expect(sent).toBe(`As recorded at ${utc(at)}, change since ${utc(vs)} · ${site}`);

  await page.goto(`/?at=${at}&vs=${vs}&lang=en`);
  await expect(page.getByTestId('as-of')).toHaveAttribute('data-at', String(at));
  await expect(page).toHaveTitle(`As recorded at ${utc(at)}, change since ${utc(vs)} · ${site}`);
  expect(await page.evaluate(() => document.title)).toContain(utc(at));

  // A step of the slider: the title follows the moment.
  await page.getByRole('button', { name: 'Stop comparing' }).click();
  await page.getByTestId('moment-slider').focus();
  await page.keyboard.press('PageDown');
  await expect(page.getByTestId('as-of')).toHaveAttribute('data-at', String(at - DAY));
  await expect(page).toHaveTitle(`As recorded at ${utc(at - DAY)} · ${site}`);

  await page.getByRole('button', { name: 'Back to live' }).click();
  await expect(page).toHaveTitle(site);

  await page.goto(`/?at=${at}&lang=zh-CN`);
  await expect(page).toHaveTitle(`${utc(at)} 的记录 · 保险基金余额 · 币安 U本位合约`);
});
