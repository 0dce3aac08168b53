import type { Page } from '@playwright/test';
import type { Fault } from '../server/demo/upstream.ts';
import { expect, test, watchPageErrors, type Stack } from './fixtures';

/**
 * The dashboard on its worst day: each failure mode of the upstream, met by a dashboard that
 * had good data. Each stack (its own upstream and preview server) is shared by the faults of
 * one test; `refresh=1` keeps the waits short.
 */

const KEPT = 'The figures below are from the last good snapshot.';
const POOL_LIST = '/fapi/v1/insuranceBalance';
/** What must never reach the screen: a raw object, a stack trace or a parser's message. */
const RAW = /\[object |Error:|\bat \w+ \(|ZodError|SyntaxError|Unexpected token|undefined|NaN/;

async function open(page: Page, stack: Stack) {
  await page.goto(`${stack.baseURL}/?refresh=1&lang=en`);
  await expect(page.getByTestId('freshness')).toHaveAttribute('data-state', 'live');
  await expect(page.getByTestId('summary')).toBeVisible();
}

/** What the user sees of the data: how many pools and symbols, and every balance with its exact value. */
async function dataOnScreen(page: Page) {
  const summary = await page.getByTestId('summary').innerText();
  return {
    summary: (summary.match(/[\d,]+ (pools?|symbols?)\b/g) ?? []).join(' · '),
    pools: await page.getByTestId('pool').count(),
    balances: await page
      .getByTestId('balance')
      .evaluateAll((els) => els.map((e) => `${e.dataset.asset}=${e.dataset.value}`)),
  };
}

/** The times of the page's requests for the pool list, from now on. */
function notingAsks(page: Page) {
  const asked: number[] = [];
  page.on('request', (r) => {
    if (r.url().includes(POOL_LIST)) asked.push(Date.now());
  });
  return asked;
}

/** Opens the dashboard, watching the page's errors and noting its requests for the pool list. */
async function openWatching(page: Page, stack: Stack) {
  const errors = watchPageErrors(page);
  const asked = notingAsks(page);
  await open(page, stack);
  return { errors, asked };
}

/** The page's next answer of the pool list with `status`. */
const answerOf = (page: Page, status: number) =>
  page.waitForResponse((r) => r.url().includes(POOL_LIST) && r.status() === status);

function alertSaying(page: Page, words: RegExp) {
  return page.getByRole('alert').filter({ hasText: words });
}

/**
 * Breaks a healthy dashboard with `mode`, and checks the user is told in words what happened and
 * what comes next, while the last good figures stay on screen, marked stale.
 */
async function expectFaultReported(page: Page, stack: Stack, mode: Fault, words: RegExp) {
  stack.upstream!.setFault(mode);
  const alert = alertSaying(page, words);
  await expect(alert).toBeVisible();
  await expect(alert).toContainText(KEPT);
  await expect(alert).not.toContainText(RAW);
  await expect(page.getByTestId('freshness')).toHaveAttribute('data-state', 'stale');
  const during = await dataOnScreen(page);
  expect(during.summary).toMatch(/^[\d,]+ pools · [\d,]+ symbols$/);
  expect(during.balances.length).toBeGreaterThan(0);
  // Refreshes keep failing for a few periods; nothing on screen is taken away meanwhile.
  await page.waitForTimeout(2_000);
  await expect(alert).toBeVisible();
  expect(await dataOnScreen(page)).toEqual(during);
  return alert;
}

async function expectRecovered(
  page: Page,
  alert: ReturnType<typeof alertSaying>,
  timeout = 10_000,
) {
  await expect(alert).toHaveCount(0, { timeout });
  await expect(page.getByTestId('freshness')).toHaveAttribute('data-state', 'live');
  await expect(page.getByTestId('summary')).toBeVisible();
}

test.describe('an upstream that answers badly', () => {
  test('each broken answer is reported in words, the last data kept, and the dashboard recovers by itself', async ({
    page,
    stack,
  }) => {
    test.setTimeout(90_000);
    const errors = watchPageErrors(page);
    await open(page, stack);
    const cases: [Fault, RegExp][] = [
      ['status-500', /answered with an error \(HTTP 500\)\. The dashboard keeps trying\./],
      ['html-502', /cannot read \(.*HTTP 502.*not JSON.*\)\. The dashboard keeps trying\./],
      ['truncated', /cannot read \(.*not JSON.*\)\. The dashboard keeps trying\./],
      [
        'wrong-type',
        /cannot read \(\[\d+\]\.assets\[\d+\]\.marginBalance: expected a decimal string\)\. The dashboard keeps trying\./,
      ],
      [
        'missing-field',
        /cannot read \(\[\d+\]\.assets\[\d+\]\.updateTime: expected a time in milliseconds\)\. The dashboard keeps trying\./,
      ],
    ];
    for (const [mode, words] of cases) {
      await test.step(mode, async () => {
        const alert = await expectFaultReported(page, stack, mode, words);
        stack.upstream!.setFault('none');
        await expectRecovered(page, alert);
      });
    }
    expect(errors).toEqual([]);
  });

  test('extra unknown fields simply work', async ({ page, stack }) => {
    const errors = watchPageErrors(page);
    await open(page, stack);
    const before = await dataOnScreen(page);
    stack.upstream!.setFault('extra-fields');
    const requestsBefore = stack.upstream!.stats.requests;
    await expect.poll(() => stack.upstream!.stats.requests).toBeGreaterThan(requestsBefore + 2);
    await expect(page.getByRole('alert')).toHaveCount(0);
    await expect(page.getByTestId('freshness')).toHaveAttribute('data-state', 'live');
    expect((await dataOnScreen(page)).summary).toBe(before.summary);
    expect(errors).toEqual([]);
  });
});

test.describe('an upstream that asks us to wait', () => {
  test('429 and 418 say until when, nothing is asked before Retry-After, and the dashboard resumes', async ({
    page,
    stack,
  }) => {
    test.setTimeout(60_000);
    const { errors, asked } = await openWatching(page, stack);
    const cases: [Fault, number, RegExp][] = [
      [
        'rate-limit',
        429,
        /limiting requests\. The dashboard waits and asks again at \d\d:\d\d:\d\d UTC\./,
      ],
      [
        'ban',
        418,
        /blocked requests from this server for a while\. The dashboard waits and asks again at \d\d:\d\d:\d\d UTC\./,
      ],
    ];
    for (const [mode, status, words] of cases) {
      await test.step(mode, async () => {
        const retryAfterS = 4;
        const refused = answerOf(page, status);
        stack.upstream!.setFault(mode, retryAfterS);
        const response = await refused;
        const refusedAt = Date.now();
        expect(response.headers()['retry-after']).toBe(String(retryAfterS));
        const upstreamCalls = stack.upstream!.stats.requests;
        const alert = alertSaying(page, words);
        await expect(alert).toBeVisible();
        await expect(alert).toContainText(KEPT);
        await expect(page.getByTestId('freshness')).toHaveAttribute('data-state', 'stale');
        // The exchange will answer again; the dashboard must still wait out Retry-After.
        stack.upstream!.setFault('none');
        await page.waitForTimeout(
          Math.max(0, retryAfterS * 1000 - 1_000 - (Date.now() - refusedAt)),
        );
        expect(asked.filter((t) => t > refusedAt + 200)).toEqual([]);
        expect(stack.upstream!.stats.requests).toBe(upstreamCalls);
        await expectRecovered(page, alert);
        expect(asked.some((t) => t >= refusedAt + (retryAfterS - 1) * 1000)).toBe(true);
      });
    }
    expect(errors).toEqual([]);
  });
});

test.describe('a 429 followed by a hang', () => {
  test('names the time the next call really leaves, then says it is asking while it hangs', async ({
    page,
    stack,
  }) => {
    test.setTimeout(60_000);
    const { errors, asked } = await openWatching(page, stack);
    const refused = answerOf(page, 429);
    stack.upstream!.setFault('rate-limit', 3, 1);
    await refused;
    const refusedAt = Date.now();
    const alert = alertSaying(page, /limiting requests/);
    const said = /asks again at (\d\d):(\d\d):(\d\d) UTC/.exec((await alert.textContent()) ?? '');
    expect(said).not.toBeNull();
    // the call after the pause hangs
    stack.upstream!.setFault('hang');
    await expect(alert).toContainText('The dashboard is asking again now…', { timeout: 8_000 });
    const next = asked.find((t) => t > refusedAt)!;
    const [, h, m, sec] = said!.map(Number);
    const day = new Date(next);
    const named = Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate(), h, m, sec);
    // the time on screen was the time of that call, to the second
    expect(Math.abs(next - named)).toBeLessThan(1_500);
    await page.waitForTimeout(3_000);
    await expect(alert).not.toContainText('asks again at');
    stack.upstream!.setFault('none');
    await expect(page.getByTestId('freshness')).toHaveAttribute('data-state', 'live', {
      timeout: 30_000,
    });
    expect(errors).toEqual([]);
  });
});

test.describe('an upstream that does not answer', () => {
  test('a silent upstream is reported after the proxy gives up at 10 s, and the dashboard recovers', async ({
    page,
    stack,
  }) => {
    test.setTimeout(60_000);
    const errors = watchPageErrors(page);
    await open(page, stack);
    const before = await dataOnScreen(page);
    stack.upstream!.setFault('hang');
    const alert = alertSaying(page, /did not answer in time\. The dashboard keeps trying\./);
    await expect(alert).toBeVisible({ timeout: 20_000 });
    await expect(alert).toContainText(KEPT);
    await expect(page.getByTestId('freshness')).toHaveAttribute('data-state', 'stale');
    expect((await dataOnScreen(page)).summary).toBe(before.summary);
    stack.upstream!.setFault('none');
    // A retry may have gone out before the upstream woke up, and wait out its own 10 s. While it
    // is under way the alert says "is asking again now…" instead of "keeps trying": recovery is
    // the timeout's alert gone in any wording, not that sentence alone.
    await expectRecovered(page, alertSaying(page, /did not answer in time/), 25_000);
    expect(errors).toEqual([]);
  });

  test('an upstream process that is gone is reported, and the dashboard recovers when it is back', async ({
    page,
    stack,
  }) => {
    const errors = watchPageErrors(page);
    await open(page, stack);
    await stack.stopUpstream();
    const alert = alertSaying(page, /could not be reached\. The dashboard keeps trying\./);
    await expect(alert).toBeVisible();
    await expect(alert).toContainText(KEPT);
    await expect(page.getByTestId('freshness')).toHaveAttribute('data-state', 'stale');
    const during = await dataOnScreen(page);
    expect(during.balances.length).toBeGreaterThan(0);
    await page.waitForTimeout(2_000);
    expect(await dataOnScreen(page)).toEqual(during);
    await stack.startUpstream();
    await expectRecovered(page, alert);
    expect(errors).toEqual([]);
  });
});

test.describe('a cold start while the upstream is down', () => {
  test.use({ stackOptions: { cacheTtl: '0', upFirst: false } });

  test('says offline in words, then shows the data as soon as the upstream comes up', async ({
    page,
    stack,
  }) => {
    const errors = watchPageErrors(page);
    await page.goto(`${stack.baseURL}/?refresh=1&lang=en`);
    const alert = alertSaying(page, /could not be reached\. The dashboard keeps trying\./);
    await expect(alert).toBeVisible();
    await expect(alert).not.toContainText(KEPT);
    await expect(page.getByTestId('freshness')).toHaveAttribute('data-state', 'offline');
    await expect(page.getByTestId('balance')).toHaveCount(0);
    await stack.startUpstream();
    await expectRecovered(page, alert);
    await expect(page.getByTestId('summary')).toContainText(/\d+ pools/);
    await expect(page.getByTestId('balance').first()).toBeVisible();
    expect(errors).toEqual([]);
  });

  test('the wall tries again within seconds, says when, and shows the data soon after the upstream is up', async ({
    page,
    stack,
  }) => {
    const errors = watchPageErrors(page);
    const asked = notingAsks(page);
    // a refresh period of a minute: the old wall waited all of it before trying again
    await page.goto(`${stack.baseURL}/?view=wall&refresh=60&lang=en`);
    const alert = alertSaying(page, /could not be reached/);
    await expect(alert).toContainText(/The dashboard keeps trying\. Next try in \d+ sec\./);
    await expect(page.getByTestId('wall-next-refresh')).toContainText(
      /trying again in \d+ sec|refreshing now/,
    );
    await expect.poll(() => asked.length, { timeout: 10_000 }).toBeGreaterThanOrEqual(3);
    // after the page's first asks (the preloaded list, then the view's own), backing off:
    // never faster than the first retry
    const later = asked.slice(1);
    const gaps = later.slice(1).map((t, i) => t - later[i]!);
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(1_500);
    await stack.startUpstream();
    await expect(page.getByTestId('freshness')).toHaveAttribute('data-state', 'live', {
      timeout: 20_000,
    });
    await expect(page.getByTestId('wall').getByTestId('pool').first()).toBeVisible();
    expect(errors).toEqual([]);
  });
});
