import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import * as z from 'zod/mini';
import { EXPORT_ADL_COLUMNS, EXPORT_COLUMNS } from '../src/core/export-row';
import { historyLineSchema, type HistoryAnswer, type HistoryLine } from '../src/core/history';
import { readCsv } from '../src/test/read-csv';
import { expect, test, type UpstreamPool } from './fixtures';

const MINUTE = 60_000;

/** A CSV row's members counted by ADL rating, unrated included (the columns' places are fixed). */
const adlCount = (r: string[]) =>
  EXPORT_ADL_COLUMNS.slice(0, 4)
    .map((c) => Number(r[EXPORT_COLUMNS.length + EXPORT_ADL_COLUMNS.indexOf(c)]))
    .reduce((a, b) => a + b, 0);

/**
 * A history for a private stack: the BTCUSDT pool of its upstream, a snapshot a minute for 40
 * minutes, nothing for the next 20 (the server was down), then 30 minutes more, ending a minute ago.
 */
function historyWithGap(pool: UpstreamPool, end: number) {
  const lines: HistoryLine[] = [];
  const times = [
    ...Array.from({ length: 40 }, (_, i) => end - 90 * MINUTE + i * MINUTE),
    ...Array.from({ length: 30 }, (_, i) => end - 29 * MINUTE + i * MINUTE),
  ];
  for (const [i, t] of times.entries())
    lines.push({
      observedAt: t,
      answer: [
        {
          symbols: pool.symbols,
          assets: [{ asset: 'USDT', marginBalance: `${1_000_000 + i * 7}.125`, updateTime: t }],
        },
      ],
    });
  return { lines, gap: { from: times[39]!, to: times[40]! } };
}

async function download(page: Page, name: string) {
  const started = page.waitForEvent('download');
  await page.getByRole('button', { name }).or(page.getByRole('link', { name })).click();
  const file = await started;
  return { name: file.suggestedFilename(), text: await readFile((await file.path())!, 'utf8') };
}

test.describe('a history with a gap in it', () => {
  test('is drawn with no line across the gap, and said in words', async ({ page, stack }) => {
    const pools = (await (
      await fetch(`${stack.baseURL}/fapi/v1/insuranceBalance`)
    ).json()) as UpstreamPool[];
    const pool = pools.find((p) => p.symbols.includes('BTCUSDT'))!;
    const { lines, gap } = historyWithGap(pool, Math.floor(Date.now() / MINUTE) * MINUTE - MINUTE);
    await stack.importHistory(lines);

    await page.goto(`${stack.baseURL}/?refresh=3600&symbol=BTCUSDT&range=all`);
    const chart = page.locator('[data-testid="history-chart"][data-asset="USDT"]');
    await expect(chart.locator('.recharts-line-curve')).toBeVisible();
    await expect(chart).toHaveAttribute('data-points', '70');
    await expect(chart).toHaveAttribute('data-lines', '2');
    const d = await chart.locator('.recharts-line-curve').getAttribute('d');
    expect((d!.match(/M/g) ?? []).length).toBe(2);
    await expect(chart.locator('.recharts-reference-area')).toHaveCount(1);
    const note = page.getByTestId('history-gap');
    await expect(note).toHaveCount(1);
    await expect(note).toHaveAttribute('data-from', String(gap.from));
    await expect(note).toHaveAttribute('data-to', String(gap.to));
    await expect(note).toContainText('the server received no snapshot then');
    // the table says where the record starts again
    await chart.locator('summary').click();
    await expect(chart.getByTestId('history-table')).toContainText(
      'first point after a gap in the record',
    );

    // the whole history, as the server exports it: the imported lines, the gap kept
    await page.getByRole('button', { name: 'Show all pools' }).click();
    await page.getByRole('radio', { name: 'All recorded' }).check();
    const whole = await download(page, 'Download every pool’s history (JSON lines)');
    expect(whole.name).toMatch(
      /^insurance-fund-history-\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}Z\.jsonl$/,
    );
    const exported = whole.text
      .trimEnd()
      .split('\n')
      .map((l) => z.parse(historyLineSchema, JSON.parse(l)));
    expect(exported.map((l) => l.observedAt)).toEqual(lines.map((l) => l.observedAt));
    expect(exported.map((l) => l.answer[0]!.assets[0]!.marginBalance)).toEqual(
      lines.map((l) => l.answer[0]!.assets[0]!.marginBalance),
    );
    expect(new Set(exported.map((l) => l.coveredSince)).size).toBe(2);
  });
});

/**
 * Two pools, one of them named in Chinese and holding two assets, exact to 18 places: four
 * snapshots more than a day old and twelve in the last two hours.
 */
function historyOfTwoPools(end: number) {
  const times = [
    ...[30, 29, 27, 26].map((h) => end - h * 60 * MINUTE),
    ...Array.from({ length: 12 }, (_, i) => end - 110 * MINUTE + i * 10 * MINUTE),
  ];
  return times.map((t, i): HistoryLine => ({
    observedAt: t,
    answer: [
      {
        symbols: ['BTCUSDT', 'ETHUSDT'],
        assets: [
          { asset: 'USDT', marginBalance: `${900_000_000 + i}.000000000000000001`, updateTime: t },
        ],
      },
      {
        symbols: ['币安人生USDT'],
        assets: [
          { asset: 'USDT', marginBalance: `${5_000 + i * 3}.50`, updateTime: t - 1_000 },
          { asset: 'BNFCR', marginBalance: '-0.10', updateTime: end - 30 * 60 * MINUTE },
        ],
      },
    ],
  }));
}

test("every pool's history downloads through the overview as CSV and JSON, for the range chosen", async ({
  page,
  stack,
}) => {
  const lines = historyOfTwoPools(Math.floor(Date.now() / MINUTE) * MINUTE - MINUTE);
  await stack.importHistory(lines);
  await page.goto(`${stack.baseURL}/?refresh=3600`);
  const part = page.getByRole('region', { name: 'History of every pool' });
  await expect(part.getByRole('radio', { name: 'Last 24 hours' })).toBeChecked();

  // the last 24 hours as CSV: one row per snapshot, pool and asset, every balance as recorded
  const csv = await download(page, 'Download every pool’s history (CSV)');
  expect(csv.name).toMatch(/^insurance-fund-history-\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}Z\.csv$/);
  expect(csv.text.startsWith('\uFEFF')).toBe(true);
  const [header, ...rows] = readCsv(csv.text.slice(1));
  // the ADL columns last, every member of the row's pool counted once, rated or not
  expect(header).toEqual([...EXPORT_COLUMNS, ...EXPORT_ADL_COLUMNS]);
  expect(rows.every((r) => String(adlCount(r)) === r[EXPORT_COLUMNS.indexOf('symbol_count')])).toBe(
    true,
  );
  const recent = lines.slice(4);
  const expected = recent.flatMap((l) =>
    l.answer.flatMap((p) =>
      p.assets.map((a) => [
        new Date(l.observedAt).toISOString(),
        String(l.observedAt),
        p.symbols.join(' '),
        a.asset,
        a.marginBalance,
        new Date(a.updateTime).toISOString(),
      ]),
    ),
  );
  const sort = (r: string[][]) => [...r].sort((x, y) => x.join().localeCompare(y.join()));
  expect(sort(rows.map((r) => [r[0]!, r[1]!, r[5]!, r[6]!, r[7]!, r[8]!]))).toEqual(sort(expected));

  // everything recorded as one JSON document, the range chosen with the keyboard
  await part.getByRole('radio', { name: 'Last 24 hours' }).focus();
  for (let i = 0; i < 3; i += 1) await page.keyboard.press('ArrowRight');
  await expect(part.getByRole('radio', { name: 'All recorded' })).toBeChecked();
  const json = await download(page, 'Download every pool’s history (JSON)');
  expect(json.name).toMatch(/\.json$/);
  const body = JSON.parse(json.text) as { from: null; to: null; snapshots: HistoryLine[] };
  expect([body.from, body.to]).toEqual([null, null]);
  expect(body.snapshots.map((l) => [l.observedAt, l.answer])).toEqual(
    lines.map((l) => [l.observedAt, l.answer]),
  );
});

test('the history on screen downloads as CSV and JSON, exactly as the charts draw it', async ({
  page,
}) => {
  const answered = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/history');
  await page.goto('/?refresh=3600&symbol=BTCUSDT&range=24h');
  const answer = (await (await answered).json()) as HistoryAnswer;
  await expect(
    page.getByTestId('history-chart').first().locator('.recharts-line-curve'),
  ).toBeVisible();
  const stamp = new Date(answer.to)
    .toISOString()
    .replace(/\.\d+Z$/, 'Z')
    .replaceAll(':', '-');

  // once the symbol's ratings are in, the CSV carries the ADL columns, last
  let csv = await download(page, 'Download this history (CSV)');
  await expect
    .poll(async () => {
      csv = await download(page, 'Download this history (CSV)');
      return readCsv(csv.text.slice(1))[0];
    })
    .toEqual([...EXPORT_COLUMNS, ...EXPORT_ADL_COLUMNS]);
  expect(csv.name).toBe(`insurance-fund-history-demo-BTCUSDT-24h-${stamp}.csv`);
  expect(csv.text.startsWith('\uFEFF')).toBe(true);
  expect(csv.text).toContain('\r\n');
  const [, ...rows] = readCsv(csv.text.slice(1));
  // every member of the row's pool counted once, by its rating at the row's time
  expect(rows.every((r) => String(adlCount(r)) === r[EXPORT_COLUMNS.indexOf('symbol_count')])).toBe(
    true,
  );
  const col = (name: (typeof EXPORT_COLUMNS)[number]) => EXPORT_COLUMNS.indexOf(name);
  const [time, asset, balance] = [col('update_time'), col('asset'), col('balance')];
  const expected = answer.series
    .flatMap((s) => s.points.map((p) => [new Date(p.t).toISOString(), s.asset, p.balance]))
    .sort((a, b) => a[0]!.localeCompare(b[0]!));
  expect(
    rows.map((r) => [r[time]!, r[asset]!, r[balance]!]).sort((a, b) => a[0]!.localeCompare(b[0]!)),
  ).toEqual(expected);
  const key = [...answer.pools.at(-1)!.symbols].sort().join(',');
  expect(rows.at(-1)![col('pool_key')]).toBe(key);
  // valued where the history recorded an index: USDT has one, BNFCR none
  expect(rows.find((r) => r[asset] === 'USDT')![col('usd_value')]).toMatch(/^\d+\.\d+$/);
  expect(rows.find((r) => r[asset] === 'BNFCR')?.[col('usd_value')] ?? '').toBe('');

  const json = await download(page, 'Download this history (JSON)');
  expect(json.name).toBe(`insurance-fund-history-demo-BTCUSDT-24h-${stamp}.json`);
  const body = JSON.parse(json.text) as {
    symbol: string;
    range: string;
    rows: { asset: string; updateTimeMs: number; balance: string }[];
  };
  expect(body).toMatchObject({ symbol: 'BTCUSDT', range: '24h' });
  expect(
    answer.series.map((s) => [
      s.asset,
      body.rows.filter((r) => r.asset === s.asset).map((r) => [r.updateTimeMs, r.balance]),
    ]),
  ).toEqual(answer.series.map((s) => [s.asset, s.points.map((p) => [p.t, p.balance])]));
});
