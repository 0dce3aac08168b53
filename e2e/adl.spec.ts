import { expect, test, type Page } from '@playwright/test';
import type { AdlApiAnswer } from '../src/core/adl';
import type { EventsAnswer } from '../src/core/history';
import { ADL_RISK_PATH } from '../src/core/upstream';
import { startDemoUpstream } from '../server/demo/upstream';
import { startApp } from './app-server';

/**
 * The exchange's ADL risk ratings beside the funds, against the shared demo server: its 30
 * generated days hold rating changes (one after a drawdown), and it records the demo upstream's
 * ratings when it starts.
 */

async function ratings(page: Page): Promise<Map<string, string>> {
  await expect
    .poll(
      async () =>
        ((await (await page.request.get('/api/adl')).json()) as AdlApiAnswer).ratings.length,
    )
    .toBeGreaterThan(0);
  const answer = (await (await page.request.get('/api/adl')).json()) as AdlApiAnswer;
  return new Map(answer.ratings.map((r) => [r.symbol, r.adlRisk]));
}

test('every pool counts its members by rating, names the high ones, and sort=adl puts most high first', async ({
  page,
}) => {
  const rated = await ratings(page);
  await page.goto('/?refresh=3600&sort=adl');
  const pools = page.getByTestId('pool');
  await expect(pools.first().getByTestId('adl-summary')).toBeVisible();
  const rows = await pools.evaluateAll((els) =>
    els.map((e) => {
      const s = e.querySelector('[data-testid="adl-summary"]');
      return {
        members: (e.getAttribute('data-pool-key') ?? '').split(','),
        high: Number(s?.getAttribute('data-high')),
        medium: Number(s?.getAttribute('data-medium')),
        low: Number(s?.getAttribute('data-low')),
        unrated: Number(s?.getAttribute('data-unrated')),
        text: s?.textContent ?? '',
      };
    }),
  );
  expect(rows.length).toBeGreaterThan(5);
  for (const r of rows) {
    const count = (level: string) => r.members.filter((m) => rated.get(m) === level).length;
    expect(r.high).toBe(count('high'));
    expect(r.medium).toBe(count('medium'));
    expect(r.low).toBe(count('low'));
    expect(r.high + r.medium + r.low + r.unrated).toBe(r.members.length);
    for (const m of r.members.filter((x) => rated.get(x) === 'high')) expect(r.text).toContain(m);
  }
  expect(rows[0]!.high).toBeGreaterThan(0);
  const highs = rows.map((r) => r.high);
  expect([...highs].sort((a, b) => b - a)).toEqual(highs);
  // The sort is one of the toolbar's, named in words.
  await expect(page.getByRole('combobox', { name: /sort/i })).toHaveValue('adl');
});

test('the symbol view gives the rating, since when it holds, and its changes under the history', async ({
  page,
}) => {
  const rated = await ratings(page);
  const week = (await (await page.request.get('/api/events')).json()) as EventsAnswer;
  const changed = week.events.find((e) => e.kind === 'adl')!.symbols[0]!;
  await page.goto(`/?symbol=${changed}&range=7d&refresh=3600`);
  const risk = page.locator(`[data-testid="adl-risk"][data-symbol="${changed}"]`);
  await expect(risk).toHaveAttribute('data-level', rated.get(changed)!);
  await expect(risk).toContainText(/since \d{4}-\d{2}-\d{2} \d{2}:\d{2}/);
  await expect(page.getByRole('heading', { name: 'ADL risk', level: 2 })).toBeVisible();
  const band = page.getByTestId('adl-band');
  await expect(band).toBeVisible();
  // Its changes within the week, in words, the last of them the rating it holds now.
  await expect(band.getByTestId('adl-change').last()).toHaveAttribute(
    'data-level',
    rated.get(changed)!,
  );
  await expect(page.getByTestId('history-chart').first()).toBeVisible();
});

test('a change of rating is an event of the last week, naming the symbol', async ({ page }) => {
  await page.goto('/?refresh=3600');
  const list = page.getByRole('region', { name: 'Recent events' });
  await expect(list.getByTestId('event').first()).toBeVisible();
  const all = list.getByRole('button', { name: /^Show all \d+ events$/ });
  if (await all.count()) await all.click();
  const adl = list.locator('[data-testid="event"][data-kind="adl"]');
  await expect(adl.first()).toBeVisible();
  await expect(adl.first()).toContainText(
    /ADL risk (low|medium|high|unknown rating) → (low|medium|high)/,
  );
  await expect(adl.first()).toContainText(/[A-Z0-9]+USDT/);
});

test('the wall marks a card whose pool holds a symbol rated high', async ({ page }) => {
  await ratings(page);
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.goto('/?view=wall&refresh=3600');
  const wall = page.getByTestId('wall');
  await expect(wall.getByTestId('pool').first()).toBeVisible();
  // The wall turns its page every 15 s: the marks of the page shown are read in one go, and
  // looked for again over two turns, so a turn between finding a card and reading it is no miss.
  const marked = wall.locator('[data-testid="adl-summary"]:not([data-high="0"])');
  await expect
    .poll(() => marked.evaluateAll((all) => all.map((e) => e.textContent ?? '')), {
      timeout: 35_000,
    })
    .toContainEqual(expect.stringContaining('Rated high:'));
});

test('speaks Chinese in the dark theme too', async ({ page }) => {
  await ratings(page);
  await page.goto('/?refresh=3600&lang=zh-CN&theme=dark');
  await expect(page.getByTestId('adl-summary').first()).toContainText('自动减仓风险');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
});

test('an upstream without the endpoint leaves the pools as they are and says since when the ratings are missing', async ({
  page,
}) => {
  const upstream = await startDemoUpstream({ stepMs: 1000 });
  upstream.setFault('not-found', 5, Infinity, ADL_RISK_PATH);
  const app = await startApp({
    FAPI_UPSTREAM: upstream.url,
    FAPI_CACHE_TTL: '1',
    FAPI_ADL_EVERY: '1',
  });
  try {
    await page.goto(`${app.url}/?refresh=3600`);
    await expect(page.getByTestId('pool').first()).toBeVisible();
    await expect(page.getByTestId('balance').first()).toHaveAttribute('data-value', /^-?\d/);
    const status = page
      .getByRole('status')
      .filter({ hasText: 'ADL risk ratings are unavailable since' });
    await expect(status).toBeVisible();
    await expect(status).toContainText(/since \d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} UTC/);
    await expect(page.getByTestId('adl-summary')).toHaveCount(0);
    await expect(page.getByRole('alert')).toHaveCount(0);
    expect(upstream.stats.adlRequests).toBeGreaterThan(0);
  } finally {
    await app.close();
    await upstream.close();
  }
});
