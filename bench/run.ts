/**
 * `npm run bench`: builds, serves the build with the production server against the demo upstream, drives
 * the system Chromium and prints every figure beside its target; the figures also go to
 * bench/results/latest.json. A missed target is a result, not a failure: the exit code is non-zero
 * only when the benchmark itself breaks. A measure the app cannot give yet (a feature not there)
 * is reported as such and the others still run.
 *
 *   npm run bench                 the full run, about seven minutes (the soak alone takes five)
 *   npm run bench -- --quick      short runs, for trying a change
 *   npm run bench -- --no-build   reuse the last build in bench/results
 *   npm run bench -- --only server,history   only these parts (landing, large, soak,
 *                                            history-chart, server, bounds, history, adl, moments,
 *                                            alerts; slider: the moment slider alone, on the
 *                                            large stack that `large` also measures it on)
 *
 * The part `history` needs no build nor browser: with `--only history` neither is made.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import type { Browser } from '@playwright/test';
import { adlPart, adlRows, type AdlFigures } from './adl.ts';
import { alertsBench } from './alerts.ts';
import { boundsPart } from './bounds.ts';
import { launch } from './browser.ts';
import { historyChart } from './history-chart.ts';
import { historyPart } from './history-part.ts';
import { detectTarget, loadOnce, type Landing, type Target } from './landing.ts';
import { median, printTable } from './report.ts';
import { measureMoments, momentRows, type MomentFigures } from './moments.ts';
import { momentSlider, sliderRows, type SliderFigures } from './moment-slider.ts';
import { rows, screensFigures, TARGETS, type Figures, type LandingSummary } from './rows.ts';
import { refreshWork, searchLatency, searchQueries } from './scale.ts';
import { serverLoad } from './server-load.ts';
import { soak, tenScreens } from './soak.ts';
import {
  APP_OUT,
  buildApp,
  buildFiles,
  buildFloor,
  isBuilt,
  RESULTS,
  HISTORY,
  startStack,
  type Stack,
} from './stack.ts';

const { values: flags } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    'no-build': { type: 'boolean', default: false },
    only: { type: 'string' },
  },
});
const parts = flags.only?.split(',').map((p) => p.trim());
const wanted = (part: string) => parts === undefined || parts.includes(part);
const quick = flags.quick;
const plan = {
  landingRuns: quick ? 5 : 15,
  largeRuns: quick ? 2 : 5,
  refreshWindow: quick ? 5 : 12,
  searchQueries: quick ? 3 : 10,
  historyChartRuns: quick ? 3 : 7,
  soakWarmup: quick ? 5 : 30,
  soakRefreshes: quick ? 30 : 300,
  soakSamples: quick ? 6 : 30,
  screens: 10,
  screensSeconds: quick ? 20 : 60,
  loadSeconds: quick ? 5 : 10,
  loadSoakSeconds: quick ? 60 : 300,
  boundsSeconds: quick ? 6 : 20,
  /** The year of history the export bench downloads: a snapshot every this many ms. */
  boundsHistoryEveryMs: quick ? 6 * 3_600_000 : 3_600_000,
  boundsExportRounds: quick ? 1 : 3,
  sliderSteps: quick ? 6 : 10,
};

const started = Date.now();
const log = (line: string) =>
  console.log(`[${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s] ${line}`);

const open: { close: () => Promise<void> }[] = [];
async function track<T extends { close: () => Promise<void> }>(thing: Promise<T>): Promise<T> {
  const t = await thing;
  open.push(t);
  return t;
}
async function release(thing: { close: () => Promise<void> }) {
  const at = open.indexOf(thing);
  if (at !== -1) open.splice(at, 1);
  await thing.close();
}
async function closeAll() {
  for (const thing of open.splice(0).reverse()) await thing.close().catch(() => undefined);
}
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    void closeAll().then(() => process.exit(130));
  });
}

const figures: Figures = { errors: {} };
/** The moment slider's redraw at 600 pools, measured on the large stack (bench/moment-slider.ts). */
let slider: SliderFigures | undefined;

/** Runs one measure; if the page cannot give it, notes why and lets the others run. */
async function attempt<T>(name: string, measure: () => Promise<T>): Promise<T | undefined> {
  try {
    return await measure();
  } catch (error) {
    const why = error instanceof Error ? error.message.split('\n')[0]! : String(error);
    figures.errors[name] = why;
    log(`${name}: could not be measured (${why})`);
    return undefined;
  }
}

function jsSizes() {
  const gzipped = (file: string) =>
    gzipSync(readFileSync(`${APP_OUT}/${file}`), { level: 9 }).length;
  const { entry } = buildFiles();
  const all = readdirSync(`${APP_OUT}/assets`)
    .filter((f) => f.endsWith('.js'))
    .map((f) => `assets/${f}`);
  const sum = (files: string[]) => files.reduce((n, f) => n + gzipped(f), 0);
  return { entryFiles: entry, entryBytes: sum(entry), totalBytes: sum(all), chunks: all.length };
}

function summarise(runs: Landing[]): LandingSummary {
  return {
    medianMs: median(runs.map((r) => r.ms)),
    runsMs: runs.map((r) => Math.round(r.ms * 10) / 10),
    htmlMs: median(runs.map((r) => r.html)),
    dataStartMs: median(runs.map((r) => r.data?.start ?? NaN)),
    dataEndMs: median(runs.map((r) => r.data?.end ?? NaN)),
    scriptsEndMs: median(runs.map((r) => r.scripts)),
  };
}

/**
 * Cold loads of the app and the floor, in alternating order, after one unmeasured load each. The
 * judged figure is the median of each pair's ratio: the two loads of a pair run back to back, so
 * a machine busy with other work slows both, where the ratio of two medians took each from other
 * moments. The load average, before and after, goes beside it.
 */
async function landing(browser: Browser, stack: Stack) {
  const { target } = await detectTarget(browser, `${stack.app}/`, stack.pools);
  const floorUrl = `${stack.floor!}/`;
  const appUrl = `${stack.app}/`;
  await loadOnce(browser, floorUrl, stack.pools, 'allPools');
  await loadOnce(browser, appUrl, stack.pools, target);
  const floor: Landing[] = [];
  const app: Landing[] = [];
  const loadBefore = loadavg()[0]!;
  for (let i = 0; i < plan.landingRuns; i += 1) {
    const pair = [
      async () => floor.push(await loadOnce(browser, floorUrl, stack.pools, 'allPools')),
      async () => app.push(await loadOnce(browser, appUrl, stack.pools, target)),
    ];
    if (i % 2) pair.reverse();
    for (const run of pair) await run();
  }
  return {
    target,
    pools: stack.pools,
    app: summarise(app),
    floor: summarise(floor),
    pairRatios: app.map((a, i) => Math.round((a.ms / floor[i]!.ms) * 100) / 100),
    loadAverage: { before: loadBefore, after: loadavg()[0]!, cpus: cpus().length },
  };
}

async function largeLanding(browser: Browser, stack: Stack) {
  const detected = await detectTarget(browser, `${stack.app}/`, stack.pools);
  const target: Target = detected.target === 'summary' ? 'summary' : 'firstPool';
  const first: number[] = [];
  for (let i = 0; i < plan.largeRuns; i += 1)
    first.push((await loadOnce(browser, `${stack.app}/`, stack.pools, target)).ms);
  const all: number[] = [];
  if (detected.target === 'allPools')
    for (let i = 0; i < Math.min(plan.largeRuns, 2); i += 1)
      all.push((await loadOnce(browser, `${stack.app}/`, stack.pools, 'allPools')).ms);
  return {
    target,
    firstPoolMs: median(first),
    allPoolsMs: all,
    historySnapshots: stack.historySnapshots,
  };
}

/** The parts that serve the build or drive the browser; `history` does neither. */
const BROWSER_PARTS = ['landing', 'large', 'slider', 'soak', 'history-chart', 'server', 'bounds'];

async function main() {
  mkdirSync(RESULTS, { recursive: true });
  const needsBuild = BROWSER_PARTS.some(wanted);
  if (needsBuild && (!flags['no-build'] || !isBuilt())) {
    log('building the app and the floor page');
    await buildApp();
    await buildFloor();
  }
  if (needsBuild) figures.sizes = await attempt('sizes', async () => jsSizes());
  const needsBrowser = BROWSER_PARTS.filter((p) => p !== 'bounds').some(wanted);
  const browser = needsBrowser ? await track(launch()) : undefined;

  if (wanted('landing')) {
    log('pools on screen: app and floor, cold loads');
    // Both servers keep the answer as production does (FAPI_CACHE_TTL's default): the floor's
    // answer and the app's page rendered from it are each shared by the viewers of one answer.
    // With the cache off, every load of the app would wait for a render no viewer ever waits for
    // in production, while the floor's answer costs the same either way.
    const small = await track(startStack({ stepMs: 1000, cacheTtl: undefined, withFloor: true }));
    figures.landing = await attempt('landing', () => landing(browser!, small));
    await release(small);
  }

  if (wanted('large') || wanted('slider')) {
    log('600 pools, 6,000 symbols, 8 days of history: first pool, main thread per refresh, search');
    const large = await track(
      startStack({ pools: 600, symbols: 6000, stepMs: 250, cacheTtl: '0', history: HISTORY }),
    );
    log(`(${large.historySnapshots} snapshots of history generated)`);
    if (wanted('large')) {
      const span = { warmup: 3, refreshes: plan.refreshWindow };
      figures.large = await attempt('large', () => largeLanding(browser!, large));
      figures.dashboard = await attempt('dashboard', () =>
        refreshWork(browser!, `${large.app}/?refresh=1`, span),
      );
      figures.wall = await attempt('wall', () =>
        refreshWork(browser!, `${large.app}/?view=wall&refresh=1`, span),
      );
      const queries = searchQueries(large.symbols, plan.searchQueries);
      const keys = await attempt('search', () => searchLatency(browser!, `${large.app}/`, queries));
      figures.search = keys === undefined ? undefined : (keys ?? null);
    }
    slider = await attempt('moment-slider', () =>
      momentSlider(browser!, large.app, plan.sliderSteps),
    );
    await release(large);
  }
  if (wanted('soak')) {
    log(
      `wall soak, ${plan.soakRefreshes} refreshes; meanwhile ${plan.screens} screens on one server for ${plan.screensSeconds} s`,
    );
    const soakStack = await track(startStack({ stepMs: 500, cacheTtl: '0', history: HISTORY }));
    const screensStack = await track(startStack({ stepMs: 1000, cacheTtl: undefined }));
    const screensBrowser = await track(launch());
    const soakPlan = {
      warmup: plan.soakWarmup,
      refreshes: plan.soakRefreshes,
      samples: plan.soakSamples,
    };
    const [soaked, screens] = await Promise.all([
      attempt('soak', () => soak(browser!, `${soakStack.app}/?view=wall&refresh=1`, soakPlan, log)),
      attempt('screens', async () => {
        const r = await tenScreens(
          screensBrowser,
          `${screensStack.app}/?view=wall&refresh=1`,
          screensStack.upstream.url,
          { screens: plan.screens, seconds: plan.screensSeconds },
        );
        await release(screensBrowser);
        const s = screensFigures(r);
        log(`ten screens: ${r.upstreamCalls.length} upstream calls in ${r.seconds} s`);
        log(`(${s.perPeriod.toFixed(2)} per ${TARGETS.cacheTtlS} s)`);
        return r;
      }),
    ]);
    figures.soak = soaked && { ...soaked, planned: plan.soakRefreshes };
    figures.screens = screens;
  }
  if (wanted('history-chart')) {
    log('the symbol view: a year of history drawn, and the chart code after the pool');
    const small = await track(startStack({ stepMs: 1000, cacheTtl: '0' }));
    figures.historyChart = await attempt('historyChart', () =>
      historyChart(browser!, small.app, plan.historyChartRuns),
    );
    await release(small);
  }
  const browserVersion = browser?.version() ?? null;
  await closeAll();

  if (wanted('server')) {
    log(
      `the server under load: pages, the proxy beside them, then ${plan.loadSoakSeconds} s of steady load`,
    );
    const loadStack = await track(startStack({ stepMs: 1000, cacheTtl: undefined }));
    figures.server = await attempt('server', () =>
      serverLoad(
        loadStack.upstream.url,
        { seconds: plan.loadSeconds, soakSeconds: plan.loadSoakSeconds },
        log,
      ),
    );
    await release(loadStack);
  }

  if (wanted('bounds')) {
    log('the server under an attacker: page variants at 600 pools, a year downloaded');
    figures.bounds = await attempt('bounds', () =>
      boundsPart(
        {
          seconds: plan.boundsSeconds,
          historyEveryMs: plan.boundsHistoryEveryMs,
          exportRounds: plan.boundsExportRounds,
        },
        log,
      ),
    );
  }

  if (wanted('history')) {
    log(`the history: store figures, then a recording's cost to the server's main thread`);
    figures.history = await historyPart(quick, log, attempt);
  }

  let adl: AdlFigures | null | undefined;
  if (wanted('adl')) {
    log('the ADL risk ratings: a recording of 600 symbols');
    adl = await attempt('adl', () => adlPart(quick));
  }

  // A past moment: /api/snapshot an hour, a month and a year back (bench/moments.ts).
  let moments: MomentFigures | undefined;
  if (wanted('moments')) moments = await attempt('moments', () => measureMoments(quick, log));

  const alerts = wanted('alerts')
    ? await attempt(
        'alerts',
        () => (log('alerts: judging, a fall to the webhook, /metrics'), alertsBench(quick, log)),
      )
    : undefined;

  const table = [
    ...rows(figures),
    ...(wanted('adl') ? adlRows(adl) : []),
    ...(moments ? momentRows(moments) : []),
    ...(slider ? sliderRows(slider) : []),
    ...(alerts?.rows ?? []),
  ];
  console.log(`\n${printTable(table)}\n`);
  const missed = table.filter((r) => r.status === 'missed');
  // A row with a result and no verdict (a figure shown beside its comparison) was measured.
  const unmeasured = table.filter((r) => r.status === 'n/a' && r.target && r.result === '—');
  console.log(
    missed.length
      ? `${missed.length} target(s) missed: ${missed.map((r) => r.measure).join('; ')}`
      : 'no target missed',
  );
  if (unmeasured.length)
    console.log(`not measured: ${unmeasured.map((r) => r.measure).join('; ')}`);
  const result = {
    date: new Date().toISOString(),
    quick,
    durationS: Math.round((Date.now() - started) / 1000),
    machine: {
      cpus: cpus().length,
      loadAverage: loadavg(),
      node: process.version,
      browser: browserVersion,
    },
    plan,
    targets: TARGETS,
    rows: table,
    figures: { ...figures, ...(adl ? { adl } : {}), moments, slider },
    alerts: alerts?.figures,
  };
  writeFileSync(`${RESULTS}/latest.json`, `${JSON.stringify(result, null, 2)}\n`);
  log('figures written to bench/results/latest.json');
}

main()
  .then(() => process.exit(0))
  .catch(async (error: unknown) => {
    console.error('the benchmark broke:', error);
    await closeAll();
    process.exit(1);
  });
