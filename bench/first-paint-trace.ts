/**
 * Where a cold load's time goes before every pool is on screen: a performance trace of the
 * production page (Chromium's own timeline, through Playwright's tracing), cut into what the
 * renderer's main thread did (parsing the HTML, style, layout, paint, scripts, hydration) and
 * when the milestones came (HTML in, domInteractive, first contentful paint, every pool drawn),
 * with what the page weighs (HTML, inline stylesheet, elements, data). A tool to decide what to
 * cut, not a measure with a target: `npm run bench -- --only landing` is that.
 *
 *   npx tsx bench/first-paint-trace.ts [--runs 5] [--no-build] [--url http://…/] [--tasks] [--ttl 0]
 *                                      [--large]
 *
 * `--large`: the bench's large stack (600 pools, 6,000 symbols, 8 days of history, cache TTL 0 so
 * every load renders its page anew). docs/performance.md gives today's breakdown at 40 and 600
 * pools. In short, on the shared 2-core machine: at 40 pools the page comes from memory and the
 * one long task before the pools show is the first frame's style and layout (40-60 ms of layout;
 * the rows past the screen are skipped by content-visibility); at 600 pools the first byte waits
 * for the upstream's answer and a fresh render of 1.1 MB of markup (560-610 ms), then the browser
 * shows the first pool within about 230 ms. Scripts, fonts and preloads cost next to nothing
 * before the pools show: src/main.tsx starts the app after the first frame.
 */
import { parseArgs } from 'node:util';
import { launch, newContext, withTimeout } from './browser.ts';
import { installProbe, type BenchWindow } from './probe.ts';
import { buildApp, buildFloor, HISTORY, isBuilt, startStack } from './stack.ts';

const { values: flags } = parseArgs({
  options: {
    runs: { type: 'string', default: '5' },
    'no-build': { type: 'boolean', default: false },
    url: { type: 'string' },
    /** Also list each load's main-thread tasks over 3 ms, with their longest parts. */
    tasks: { type: 'boolean', default: false },
    /** FAPI_CACHE_TTL for the stack; by default production's, as the landing bench uses. */
    ttl: { type: 'string' },
    /** The upstream's size; 600 pools and 6,000 symbols with `--large`, as the large part has. */
    large: { type: 'boolean', default: false },
  },
});

interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: { name?: string; data?: unknown };
}

/** Main-thread work by kind, as the timeline names it. */
const KINDS: Record<string, string[]> = {
  'parse HTML': ['ParseHTML'],
  'parse stylesheets': ['ParseAuthorStyleSheet'],
  style: ['UpdateLayoutTree', 'RecalculateStyles'],
  layout: ['Layout'],
  'paint, layers': ['PrePaint', 'Paint', 'Layerize', 'UpdateLayer', 'CompositeLayers', 'Commit'],
  'script compile': ['v8.compile', 'v8.compileModule', 'CompileScript', 'v8.produceModuleCache'],
  'script run (hydration, start)': [
    'EvaluateScript',
    'v8.evaluateModule',
    'FunctionCall',
    'TimerFire',
    'FireAnimationFrame',
  ],
  'garbage collection': ['MinorGC', 'MajorGC', 'V8.GC_SCAVENGER', 'BlinkGC.AtomicPhase'],
};

const median = (xs: number[]) => {
  const s = [...xs].filter(Number.isFinite).sort((a, b) => a - b);
  return s.length ? s[Math.floor(s.length / 2)]! : NaN;
};

async function main() {
  const runs = Number(flags.runs);
  let url = flags.url;
  let stack: Awaited<ReturnType<typeof startStack>> | undefined;
  if (!url) {
    if (!flags['no-build'] || !isBuilt()) {
      await buildApp();
      await buildFloor();
    }
    stack = await startStack(
      flags.large
        ? { pools: 600, symbols: 6000, stepMs: 250, cacheTtl: flags.ttl ?? '0', history: HISTORY }
        : { stepMs: 1000, cacheTtl: flags.ttl },
    );
    url = `${stack.app}/`;
  }
  const pools = stack?.pools ?? 15;
  const browser = await launch();
  const rows: Record<string, number>[] = [];
  try {
    for (let i = 0; i <= runs; i += 1) {
      const context = await newContext(browser);
      await context.addInitScript(installProbe, pools);
      const page = await context.newPage();
      await browser.startTracing(page, {
        categories: [
          'devtools.timeline',
          'disabled-by-default-devtools.timeline',
          'blink.user_timing',
          'loading',
          'v8',
          '__metadata',
        ],
      });
      await page.goto(url, { waitUntil: 'commit' });
      const firstPool = await withTimeout(
        page.evaluate(() => (window as unknown as BenchWindow).__bench.until('firstPool')),
        20_000,
        'the first pool on screen',
      );
      const allPools = await withTimeout(
        page.evaluate(() => (window as unknown as BenchWindow).__bench.until('allPools')),
        20_000,
        'every pool on screen',
      );
      const facts = await page.evaluate(async () => {
        // The first contentful paint is reported once presented: wait for it, a few seconds at most.
        await new Promise<void>((resolve) => {
          const seen = () => performance.getEntriesByName('first-contentful-paint').length > 0;
          if (seen()) return resolve();
          new PerformanceObserver(() => seen() && resolve()).observe({
            type: 'paint',
            buffered: true,
          });
          setTimeout(resolve, 3_000);
        });
        const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
        const fcp = performance.getEntriesByName('first-contentful-paint')[0]?.startTime;
        const styles = [...document.querySelectorAll('style')].reduce(
          (n, s) => n + (s.textContent?.length ?? 0),
          0,
        );
        const fonts = performance
          .getEntriesByType('resource')
          .filter((r) => /\.(woff2?|ttf|otf)(\?|$)/.test(r.name)).length;
        return {
          requestStart: nav.requestStart,
          responseStart: nav.responseStart,
          responseEnd: nav.responseEnd,
          domInteractive: nav.domInteractive,
          domContentLoaded: nav.domContentLoadedEventEnd,
          fcp: fcp ?? NaN,
          htmlBytes: nav.decodedBodySize,
          styleBytes: styles,
          elements: document.getElementsByTagName('*').length,
          fonts,
        };
      });
      const trace = JSON.parse((await browser.stopTracing()).toString()) as {
        traceEvents: TraceEvent[];
      };
      await context.close();
      if (i === 0) continue; // the first load warms the server and the disk
      const events = trace.traceEvents;
      const mains = new Set(
        events
          .filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
          .map((e) => `${e.pid}:${e.tid}`),
      );
      // The renderer that parsed this page (the longest parse; about:blank has one too), and the
      // time origin: its navigation start.
      const parsed = new Map<string, number>();
      for (const e of events)
        if (e.name === 'ParseHTML' && mains.has(`${e.pid}:${e.tid}`))
          parsed.set(`${e.pid}:${e.tid}`, (parsed.get(`${e.pid}:${e.tid}`) ?? 0) + (e.dur ?? 0));
      const main = [...parsed].sort((a, b) => b[1] - a[1])[0]?.[0] ?? [...mains][0];
      const navigation = events.find(
        (e) =>
          e.name === 'navigationStart' &&
          `${e.pid}:${e.tid}` === main &&
          (
            e.args?.data as { documentLoaderURL?: string } | undefined
          )?.documentLoaderURL?.startsWith('http'),
      );
      const origin = navigation?.ts ?? NaN;
      const until = origin + allPools * 1000;
      if (flags.tasks) {
        // Every task on the main thread over 3 ms, with its longest child, in time order.
        for (const task of events.filter(
          (e) => e.name === 'RunTask' && `${e.pid}:${e.tid}` === main && (e.dur ?? 0) > 3000,
        )) {
          const inner = events
            .filter(
              (e) =>
                `${e.pid}:${e.tid}` === main &&
                e.ph === 'X' &&
                e.name !== 'RunTask' &&
                e.ts >= task.ts &&
                e.ts < task.ts + (task.dur ?? 0),
            )
            .sort((a, b) => (b.dur ?? 0) - (a.dur ?? 0))
            .slice(0, 4)
            .map((e) => `${e.name} ${((e.dur ?? 0) / 1000).toFixed(1)}`);
          console.log(
            ((task.ts - origin) / 1000).toFixed(0),
            ((task.dur ?? 0) / 1000).toFixed(1),
            inner.join(' | '),
          );
        }
      }
      const row: Record<string, number> = {
        'first pool on screen': firstPool,
        'every pool on screen': allPools,
        'HTML asked for (requestStart)': facts.requestStart,
        'HTML first byte (responseStart)': facts.responseStart,
        'HTML in (responseEnd)': facts.responseEnd,
        domInteractive: facts.domInteractive,
        'first contentful paint': facts.fcp,
        domContentLoaded: facts.domContentLoaded,
      };
      for (const [kind, names] of Object.entries(KINDS)) {
        let ms = 0;
        for (const e of events)
          if (
            e.ph === 'X' &&
            names.includes(e.name) &&
            `${e.pid}:${e.tid}` === main &&
            e.ts >= origin &&
            e.ts < until
          )
            ms += (e.dur ?? 0) / 1000;
        row[`main thread: ${kind}`] = ms;
      }
      row['main thread: all tasks'] = events
        .filter(
          (e) =>
            e.name === 'RunTask' && `${e.pid}:${e.tid}` === main && e.ts >= origin && e.ts < until,
        )
        .reduce((n, e) => n + (e.dur ?? 0) / 1000, 0);
      row['HTML (KB)'] = facts.htmlBytes / 1024;
      row['inline stylesheet (KB)'] = facts.styleBytes / 1024;
      row['elements'] = facts.elements;
      row['font files'] = facts.fonts;
      rows.push(row);
    }
  } finally {
    await browser.close();
    await stack?.close();
  }
  console.log(`${url}, ${pools} pools, medians of ${rows.length} cold loads (ms unless said):`);
  for (const key of Object.keys(rows[0] ?? {}))
    console.log(`  ${key.padEnd(42)} ${median(rows.map((r) => r[key]!)).toFixed(1)}`);
}

await main();
