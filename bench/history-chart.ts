/**
 * The symbol view's history: how long a year of history, thinned to the chart's 1,000 points,
 * takes from its answer's arrival to the frame that shows it; and whether the chart code is asked
 * for only once the pool is on screen. The bench servers record no history, so the page is
 * handed a generated answer (the server's own format, `GET /api/history`) through the browser.
 */
import { readFileSync } from 'node:fs';
import type { Browser, Page, Route } from '@playwright/test';
import type { HistoryAnswer } from '../src/core/history.ts';
import { newContext, withTimeout } from './browser.ts';
import { median } from './report.ts';
import { APP_OUT, buildFiles, ENDPOINT } from './stack.ts';

const DAY = 86_400_000;
const YEAR = 365 * DAY;

export interface HistoryChartFigures {
  /** Per run: the year's answer received to the frame after every chart holds all its points. */
  drawMs: number;
  drawRunsMs: number[];
  /** The same for the pool's every asset: one chart each, the value chart where one is drawn. */
  allDrawMs: number;
  allDrawRunsMs: number[];
  charts: number;
  points: number;
  /** Since navigation start, medians of the cold loads: the pool painted, the chart code asked for, the charts painted. */
  poolShownMs: number;
  chartCodeMs: number;
  chartsDrawnMs: number;
  /** Loads in which the chart code was asked for before the pool was on screen. */
  early: number;
}

interface Pool {
  symbols: string[];
  assets: { asset: string; marginBalance: string }[];
}

/** `points` points a series over `span` ms up to now, for each asset of `pool`: a random walk. */
export function yearAnswer(symbol: string, pool: Pool, span: number, points: number) {
  const to = Date.now();
  const from = to - span;
  const step = span / points;
  const series = pool.assets.map(({ asset, marginBalance }, a) => {
    let value = Math.max(Number(marginBalance), 1_000);
    return {
      asset,
      points: Array.from({ length: points }, (_, i) => {
        value *= 1 + Math.sin(i * 0.37 + a) * 0.004;
        return { t: Math.round(from + (i + 1) * step), balance: value.toFixed(8) };
      }),
    };
  });
  const answer: HistoryAnswer = {
    symbol,
    from,
    to,
    series,
    pools: [{ from, to: null, symbols: pool.symbols }],
    coverage: [[from, to]],
    thinned: true,
  };
  return answer;
}

/** The chunk of the history charts (and Recharts), as the build's manifest names it. */
function chartChunk(): string {
  const manifest = JSON.parse(readFileSync(`${APP_OUT}/.vite/manifest.json`, 'utf8')) as Record<
    string,
    { file: string }
  >;
  const key = Object.keys(manifest).find((k) => k.endsWith('features/history/history-charts.tsx'));
  if (key === undefined) throw new Error('the build has no history-charts chunk');
  return manifest[key]!.file;
}

/** In the page: the time after the next frame once `ready()` holds, checked at every change. */
function afterFrameWhen(ready: () => boolean): Promise<number> {
  return new Promise((resolve) => {
    const done = () => requestAnimationFrame(() => setTimeout(() => resolve(performance.now()), 0));
    if (ready()) return done();
    const watch = new MutationObserver(() => {
      if (!ready()) return;
      watch.disconnect();
      done();
    });
    watch.observe(document, { subtree: true, childList: true, attributes: true });
  });
}

async function serveHistory(page: Page, symbol: string, pool: Pool) {
  await page.route('**/api/history?*', async (route: Route) => {
    const asked = new URL(route.request().url()).searchParams;
    const points = Math.min(Number(asked.get('points') ?? 1000) || 1000, 1000);
    // `all` asks without `from`: the year; a shorter range gets a small answer.
    const year = asked.get('from') === null;
    const answer = yearAnswer(symbol, pool, year ? YEAR : 30 * DAY, year ? points : 100);
    await route.fulfill({ contentType: 'application/json', body: JSON.stringify(answer) });
  });
}

/** One cold load of the symbol view, then a switch to the whole year. */
async function once(browser: Browser, app: string, symbol: string, pool: Pool, chunk: string) {
  const context = await newContext(browser);
  try {
    const page = await context.newPage();
    await serveHistory(page, symbol, pool);
    await page.addInitScript(`window.__afterFrameWhen = ${afterFrameWhen.toString()};`);
    await page.goto(`${app}/?refresh=3600&lang=en&range=30d&symbol=${symbol}`, {
      waitUntil: 'commit',
    });
    const load = await withTimeout(
      page.evaluate(async (file) => {
        const when = (window as unknown as { __afterFrameWhen: typeof afterFrameWhen })
          .__afterFrameWhen;
        const pool = await when(
          () => document.querySelector('[data-testid="symbol-pool"]') !== null,
        );
        const drawn = await when(
          () =>
            document.querySelector('[data-testid="history-chart"] .recharts-line-curve') !== null,
        );
        const code = (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).find(
          (r) => r.name.endsWith(file),
        );
        return { pool, drawn, code: code?.startTime ?? NaN };
      }, chunk),
      20_000,
      'the symbol view and its charts',
    );
    const switched = page.evaluate(async () => {
      const when = (window as unknown as { __afterFrameWhen: typeof afterFrameWhen })
        .__afterFrameWhen;
      const charts = () => [...document.querySelectorAll('[data-testid="history-chart"]')];
      const end = await when(() => {
        const all = charts();
        return all.length > 0 && all.every((c) => Number(c.getAttribute('data-points')) >= 500);
      });
      const answer = (performance.getEntriesByType('resource') as PerformanceResourceTiming[])
        .filter((r) => r.name.includes('/api/history?') && !r.name.includes('from='))
        .at(-1);
      return {
        ms: end - (answer?.responseEnd ?? NaN),
        charts: charts().length,
        points: Number(charts()[0]?.getAttribute('data-points')),
      };
    });
    await page.getByRole('link', { name: 'All recorded' }).click();
    const year = await withTimeout(switched, 20_000, 'the year drawn');
    return { load, year };
  } finally {
    await context.close();
  }
}

export async function historyChart(
  browser: Browser,
  app: string,
  runs: number,
): Promise<HistoryChartFigures> {
  const pools = (await (await fetch(app + ENDPOINT)).json()) as Pool[];
  const pool = pools.find((p) => p.symbols.includes('BTCUSDT')) ?? pools[0]!;
  const symbol = pool.symbols.includes('BTCUSDT') ? 'BTCUSDT' : pool.symbols[0]!;
  const chunk = chartChunk();
  if (buildFiles().entry.includes(chunk)) throw new Error('the chart code is in the entry');
  // One chart: the pool's first asset alone. Then the pool as it is, every asset charted.
  const alone = { ...pool, assets: pool.assets.slice(0, 1) };
  await once(browser, app, symbol, alone, chunk); // unmeasured: warms the server and the disk
  const results = [];
  const all = [];
  for (let i = 0; i < runs; i += 1) {
    results.push(await once(browser, app, symbol, alone, chunk));
    all.push(await once(browser, app, symbol, pool, chunk));
  }
  const round = (d: number) => Math.round(d * 10) / 10;
  const draws = results.map((r) => r.year.ms);
  const allDraws = all.map((r) => r.year.ms);
  return {
    drawMs: median(draws),
    drawRunsMs: draws.map(round),
    allDrawMs: median(allDraws),
    allDrawRunsMs: allDraws.map(round),
    charts: all[0]!.year.charts,
    points: results[0]!.year.points,
    poolShownMs: median(results.map((r) => r.load.pool)),
    chartCodeMs: median(results.map((r) => r.load.code)),
    chartsDrawnMs: median(results.map((r) => r.load.drawn)),
    early: results.filter((r) => !(r.load.code >= r.load.pool)).length,
  };
}
