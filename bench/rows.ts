/** The figures beside their targets, as rows of the printed table. */
import type { BoundsFigures } from './bounds.ts';
import type { HistoryPart } from './history-part.ts';
import { historyPartRows } from './history-rows.ts';
import type { HistoryChartFigures } from './history-chart.ts';
import type { Target } from './landing.ts';
import { judge, kb, mb, median, ms, percentile, slope, type Row } from './report.ts';
import type { RefreshWork, KeystrokeTimes } from './scale.ts';
import type { ServerLoad } from './server-load.ts';
import type { HeapPoint, ScreensResult, SoakResult } from './soak.ts';

export const TARGETS = {
  floorRatio: 1.5,
  entryBytes: 120_000,
  firstPoolMs: 1_500,
  refreshMs: 100,
  keystrokeMs: 16,
  /** The heap's fitted growth over the soak may reach this share of its mean and count as none. */
  heapNoise: 0.02,
  cacheTtlS: 5,
  pagesToStatic: 0.5,
  proxyP99Ms: 50,
  /** RSS growth per minute of steady load that still counts as flat. */
  rssFlatMbPerMin: 1,
  /** A year of history, thinned to 1,000 points a chart, from its answer to the screen. */
  historyDrawMs: 100,
  /** A normal visitor's page while 8 clients cycle 64 page variants of 600 pools, p95. */
  visitorPageP95Ms: 300,
  /** The proxy's p99 while the whole history of a year is downloaded. */
  exportProxyP99Ms: 50,
};

export interface LandingSummary {
  medianMs: number;
  runsMs: number[];
  htmlMs: number;
  dataStartMs: number;
  dataEndMs: number;
  scriptsEndMs: number;
}

export interface Figures {
  landing?: {
    target: Target;
    pools: number;
    app: LandingSummary;
    floor: LandingSummary;
    /** Each pair's app time over its floor time, in the order run. */
    pairRatios: number[];
    /** The 1-minute load average before and after the landing runs, and the machine's cores. */
    loadAverage: { before: number; after: number; cpus: number };
  };
  sizes?: { entryFiles: string[]; entryBytes: number; totalBytes: number; chunks: number };
  large?: {
    target: Target;
    firstPoolMs: number;
    allPoolsMs: number[];
    /** Snapshots of history behind the page. */
    historySnapshots?: number;
  };
  dashboard?: RefreshWork;
  wall?: RefreshWork;
  /** `null`: the page has no search box yet. */
  search?: KeystrokeTimes | null;
  soak?: SoakResult & { planned: number };
  screens?: ScreensResult;
  server?: ServerLoad;
  bounds?: BoundsFigures;
  history?: HistoryPart;
  historyChart?: HistoryChartFigures;
  /** Measures that could not be taken, with the reason. */
  errors: Record<string, string>;
}

const targetName: Record<Target, string> = {
  allPools: 'every [data-testid="pool"]',
  firstPool: 'the first [data-testid="pool"] (the overview never showed them all)',
  summary: 'the [data-testid="summary"] line: no [data-testid="pool"] yet',
};

function missing(measure: string, target: string, why: string | undefined): Row {
  return { measure, result: '—', target, status: 'n/a', note: why ?? 'not measured' };
}

/** Words on the history a page showed; a figure meant to be taken with it is not met without. */
function historyNote(h: { sparklines: number; changes: number } | undefined): string {
  if (!h) return 'history not counted';
  if (h.sparklines === 0) return 'no sparkline on screen: history missing';
  return `${h.sparklines} sparklines and ${h.changes} change figures on screen`;
}

function work(measure: string, w: RefreshWork | undefined, why: string | undefined): Row {
  const target = `≤ ${ms(TARGETS.refreshMs)}, with sparklines`;
  if (!w) return missing(measure, target, why);
  return {
    measure,
    result: ms(w.taskMs),
    target,
    status: judge(w.taskMs <= TARGETS.refreshMs && (w.history?.sparklines ?? 0) > 0),
    note: `${historyNote(w.history)}; script ${ms(w.scriptMs)}, style ${ms(w.styleMs)}, layout ${ms(w.layoutMs)} per refresh; ${w.longTasks} long tasks, longest ${ms(w.longestMs)}, over ${w.refreshes} refreshes`,
  };
}

/** Upstream calls of the ten screens: per second, per cache period, and the shortest gap. */
export function screensFigures(s: ScreensResult) {
  const calls = s.upstreamCalls;
  const gaps = calls.slice(1).map((t, i) => t - calls[i]!);
  const minGapS = gaps.length ? Math.min(...gaps) / 1000 : NaN;
  const perPeriod =
    calls.length >= 2
      ? ((calls.length - 1) / ((calls.at(-1)! - calls[0]!) / 1000)) * TARGETS.cacheTtlS
      : (calls.length / s.seconds) * TARGETS.cacheTtlS;
  const met = calls.length > 0 && (gaps.length === 0 || minGapS >= TARGETS.cacheTtlS - 0.05);
  return { perSecond: calls.length / s.seconds, perPeriod, minGapS, met };
}

export function rows(f: Figures): Row[] {
  const out: Row[] = [];
  const err = f.errors;
  const ratioTarget = `≤ ${TARGETS.floorRatio}x`;
  if (f.landing) {
    const { app, floor, target, pools, pairRatios, loadAverage } = f.landing;
    const ratio = median(pairRatios);
    out.push(
      {
        measure: `pools on screen (${pools} pools): app`,
        result: ms(app.medianMs),
        target: '',
        status: 'n/a',
        note: `navigation start to ${targetName[target]} painted; the data answered at ${ms(app.dataEndMs)}, the entry script at ${ms(app.scriptsEndMs)}`,
      },
      {
        measure: 'pools on screen: floor page',
        result: ms(floor.medianMs),
        target: '',
        status: 'n/a',
      },
      {
        measure: 'app / floor',
        result: `${ratio.toFixed(2)}x`,
        target: ratioTarget,
        status: judge(ratio <= TARGETS.floorRatio),
        note: [
          `median of ${pairRatios.length} back-to-back pairs (quartiles ${percentile(pairRatios, 25).toFixed(2)}x-${percentile(pairRatios, 75).toFixed(2)}x; the medians' ratio ${(app.medianMs / floor.medianMs).toFixed(2)}x)`,
          `load average ${loadAverage.before.toFixed(1)} before, ${loadAverage.after.toFixed(1)} after, on ${loadAverage.cpus} cores${loadAverage.before > loadAverage.cpus || loadAverage.after > loadAverage.cpus ? ': a busy machine, read the figure as rough' : ''}`,
        ].join('; '),
      },
    );
  } else out.push(missing('app / floor', ratioTarget, err.landing));

  const entryTarget = `≤ ${kb(TARGETS.entryBytes)}`;
  if (f.sizes) {
    out.push(
      {
        measure: 'entry JS, gzipped',
        result: kb(f.sizes.entryBytes),
        target: entryTarget,
        status: judge(f.sizes.entryBytes <= TARGETS.entryBytes),
        note: `what runs before the first render: ${f.sizes.entryFiles.join(', ')}`,
      },
      {
        measure: 'all JS, gzipped',
        result: `${kb(f.sizes.totalBytes)} in ${f.sizes.chunks} chunks`,
        target: '',
        status: 'n/a',
      },
    );
  } else out.push(missing('entry JS, gzipped', entryTarget, err.sizes));

  const firstTarget = `≤ ${ms(TARGETS.firstPoolMs)}`;
  if (f.large) {
    const { target, firstPoolMs, allPoolsMs, historySnapshots } = f.large;
    out.push({
      measure: '600 pools with 24 h sparklines: first pool on screen',
      result: ms(firstPoolMs),
      target: firstTarget,
      status: judge(firstPoolMs <= TARGETS.firstPoolMs),
      note: [
        `${historySnapshots ?? 0} snapshots of history behind it`,
        target === 'summary'
          ? `measured to ${targetName.summary}`
          : allPoolsMs.length
            ? `all 600 on screen: ${ms(median(allPoolsMs))}`
            : undefined,
      ]
        .filter(Boolean)
        .join('; '),
    });
  } else
    out.push(
      missing('600 pools with 24 h sparklines: first pool on screen', firstTarget, err.large),
    );
  out.push(
    work(
      '600 pools with 24 h sparklines: main thread per refresh, dashboard',
      f.dashboard,
      err.dashboard,
    ),
  );
  out.push(work('600 pools with 24 h sparklines: main thread per refresh, wall', f.wall, err.wall));

  const keyMeasure = '6,000 symbols: keystroke to suggestions';
  const keyTarget = `≤ ${ms(TARGETS.keystrokeMs)}`;
  const keys = f.search;
  if (keys && keys.dom.length) {
    const m = median(keys.dom);
    out.push({
      measure: keyMeasure,
      result: `${ms(m)} (p90 ${ms(percentile(keys.dom, 90))})`,
      target: keyTarget,
      status: judge(m <= TARGETS.keystrokeMs),
      note: `keydown to the listbox's change in the DOM, ${keys.dom.length} keystrokes; to the frame after it: ${ms(median(keys.painted))}${keys.unchanged ? `; ${keys.unchanged} keystroke(s) changed nothing within 1 s` : ''}`,
    });
  } else if (keys) {
    out.push({ ...missing(keyMeasure, keyTarget, 'no suggestions seen'), status: 'missed' });
  } else
    out.push(
      missing(keyMeasure, keyTarget, keys === null ? 'no "Search symbol" box yet' : err.search),
    );

  const heapMeasure = 'wall soak: heap after GC';
  const heapTarget = `no growth (±${TARGETS.heapNoise * 100}%)`;
  if (f.soak && f.soak.points.length >= 3) {
    const s = f.soak;
    const first = s.points[0]!;
    const last = s.points.at(-1)!;
    // The wall turns its pages and the heap moves with them: judge the trend fitted through every
    // sample, not two samples that may have caught different pages. The judged heap is the
    // program's objects; the engine's compiled code is shown beside it (it grows, then levels off).
    const fit = (points: HeapPoint[], y: (p: HeapPoint) => number) => {
      const perRefresh = slope(points.map((p) => ({ x: p.refresh, y: y(p) })));
      const mean = points.reduce((n, p) => n + y(p), 0) / points.length;
      return { growth: perRefresh * (points.at(-1)!.refresh - points[0]!.refresh), mean };
    };
    const kinds = s.points.filter((p) => p.kinds);
    const byKind = kinds.length >= 3;
    const judged = byKind ? fit(kinds, (p) => p.kinds!.objects) : fit(s.points, (p) => p.heapBytes);
    const used = fit(s.points, (p) => p.heapBytes);
    const code = byKind ? fit(kinds, (p) => p.kinds!.code) : undefined;
    const sign = (n: number) => `${n >= 0 ? '+' : ''}${kb(n)}`;
    out.push({
      measure: `${heapMeasure}, ${s.refreshes} refreshes, history on screen`,
      result: `${sign(judged.growth)} on ${mb(judged.mean)} ${byKind ? 'of objects' : 'used'}`,
      target: heapTarget,
      status: judge(
        s.refreshes >= s.planned &&
          judged.growth <= judged.mean * TARGETS.heapNoise &&
          (s.history?.sparklines ?? 0) > 0,
      ),
      note: [
        historyNote(s.history),
        s.wallShown ? 'the wall' : 'no [data-testid="wall"] yet: the page ?view=wall shows',
        `fitted trend over ${byKind ? `${kinds.length} heap snapshots` : `${s.points.length} samples`}`,
        `V8 used heap ${mb(first.heapBytes)} → ${mb(last.heapBytes)} (${sign(used.growth)} fitted over ${s.points.length} samples)${code ? `, of which compiled code ${sign(code.growth)}` : ''}`,
        `DOM nodes ${first.domNodes} → ${last.domNodes}, listeners ${first.listeners} → ${last.listeners}`,
        `freshness at the end: ${s.freshness ?? 'no badge'}`,
        `${s.failedRefreshes} failed refreshes`,
        ...(s.pageErrors.length ? [`page errors: ${s.pageErrors.slice(0, 3).join(' | ')}`] : []),
      ].join('; '),
    });
  } else out.push(missing(heapMeasure, heapTarget, err.soak));

  const screensMeasure = 'ten screens, one server: upstream calls';
  const screensTarget = `≤ 1 per ${TARGETS.cacheTtlS} s`;
  if (f.screens) {
    const s = screensFigures(f.screens);
    out.push({
      measure: screensMeasure,
      result: `${s.perSecond.toFixed(3)}/s, ${s.perPeriod.toFixed(2)} per ${TARGETS.cacheTtlS} s`,
      target: screensTarget,
      status: judge(s.met),
      note: `${f.screens.viewerRequests} answers to ${f.screens.screens} screens in ${f.screens.seconds} s; shortest gap between upstream calls ${s.minGapS.toFixed(2)} s`,
    });
  } else out.push(missing(screensMeasure, screensTarget, err.screens));
  out.push(...serverRows(f.server, err.server));
  out.push(...boundsRows(f.bounds, err.bounds));
  out.push(...historyPartRows(f.history, err));
  out.push(...historyChartRows(f.historyChart, err.historyChart));
  return out;
}

function historyChartRows(h: HistoryChartFigures | undefined, why: string | undefined): Row[] {
  const drawMeasure = 'history chart: a year thinned to 1,000 points, drawn';
  const drawTarget = `≤ ${ms(TARGETS.historyDrawMs)}`;
  const orderMeasure = 'symbol view: history charts load after the pool is shown';
  const orderTarget = 'chart code asked for after the pool is painted';
  if (!h) return [missing(drawMeasure, drawTarget, why), missing(orderMeasure, orderTarget, why)];
  return [
    {
      measure: drawMeasure,
      result: ms(h.drawMs),
      target: drawTarget,
      status: judge(h.drawMs <= TARGETS.historyDrawMs),
      note: `one asset, ${h.points} points; from the year's answer received to the frame after the chart holds it; runs ${h.drawRunsMs.map(ms).join(', ')}`,
    },
    {
      measure: `history charts: the pool's ${h.charts} charts of a year, drawn`,
      result: ms(h.allDrawMs),
      target: '',
      status: 'n/a',
      note: `every asset of the pool, ${h.points} points each; runs ${h.allDrawRunsMs.map(ms).join(', ')}`,
    },
    {
      measure: orderMeasure,
      result: `pool ${ms(h.poolShownMs)}, chart code ${ms(h.chartCodeMs)}, charts ${ms(h.chartsDrawnMs)}`,
      target: orderTarget,
      status: judge(h.early === 0 && h.chartCodeMs >= h.poolShownMs),
      note: `since navigation start, medians of cold loads; ${h.early} load(s) asked for the chart code before the pool was on screen`,
    },
  ];
}

function serverRows(s: ServerLoad | undefined, why: string | undefined): Row[] {
  const ratioTarget = `≥ ${TARGETS.pagesToStatic}x, no errors`;
  const p99Target = `< ${ms(TARGETS.proxyP99Ms)}`;
  const rssTarget = `flat (< ${TARGETS.rssFlatMbPerMin} MB/min)`;
  if (!s)
    return [
      missing('server: rendered pages / static file, 50 connections', ratioTarget, why),
      missing('server: proxy p99 while pages are hammered', p99Target, why),
      missing('server: RSS under steady load', rssTarget, why),
    ];
  const ratio = s.pagesPerS / s.staticPerS;
  const errors = s.pageErrors + s.staticErrors;
  const first = s.rss[0]?.mb ?? NaN;
  const last = s.rss.at(-1)?.mb ?? NaN;
  return [
    {
      measure: 'server: rendered pages / static file, 50 connections',
      result: `${ratio.toFixed(2)}x (${Math.round(s.pagesPerS)} / ${Math.round(s.staticPerS)} per s), ${errors} errors`,
      target: ratioTarget,
      status: judge(ratio >= TARGETS.pagesToStatic && errors === 0),
      note: `page p99 ${ms(s.pageP99Ms)}; the server's CPU per request: page ${Math.round(s.pageCpuUs)} µs, static file ${Math.round(s.staticCpuUs)} µs (the load generator runs on the same machine, so the rates also measure it)`,
    },
    {
      measure: 'server: proxy p99 while pages are hammered',
      result: ms(s.proxyP99Ms),
      target: p99Target,
      status: judge(s.proxyP99Ms < TARGETS.proxyP99Ms),
      note: `${s.proxySamples} pool-list requests beside 50 connections asking for pages`,
    },
    {
      measure: 'server: RSS under steady load',
      result: `${s.rssSlopeMbPerMin.toFixed(2)} MB/min (${first.toFixed(1)} -> ${last.toFixed(1)} MB)`,
      target: rssTarget,
      status: judge(Math.abs(s.rssSlopeMbPerMin) < TARGETS.rssFlatMbPerMin),
      note: `sampled every 5 s over ${Math.round(s.rss.at(-1)?.atS ?? 0)} s of 200 mixed requests a second, after two minutes of the same load to settle in; the slope is fitted after the first fifth`,
    },
  ];
}

function boundsRows(b: BoundsFigures | undefined, why: string | undefined): Row[] {
  const pageTarget = `p95 ≤ ${ms(TARGETS.visitorPageP95Ms)}`;
  const exportTarget = `p99 ≤ ${ms(TARGETS.exportProxyP99Ms)}`;
  const exportMeasure = 'bounds: proxy p99 while a year of history is downloaded';
  if (!b)
    return [
      missing(
        'bounds: a visitor’s / while 8 clients cycle 64 variants, 600 pools',
        pageTarget,
        why,
      ),
      missing(exportMeasure, exportTarget, why),
    ];
  const e = b.exportLoad;
  return [
    ...b.pages.map((p) => ({
      measure: `bounds: a visitor’s / while 8 clients cycle ${p.variants}, 600 pools`,
      result: ms(p.visitorP95Ms),
      target: pageTarget,
      status: judge(p.visitorP95Ms <= TARGETS.visitorPageP95Ms),
      note: `median ${ms(p.visitorMedianMs)}, ${p.visitorRendered} of ${p.visitorSamples} pages rendered (the rest the plain page); ${p.attackRequests} requests of the 8 clients`,
    })),
    {
      measure: exportMeasure,
      result: ms(e.proxyP99Ms),
      target: exportTarget,
      status: judge(e.proxyP99Ms <= TARGETS.exportProxyP99Ms),
      note: `median ${ms(e.proxyMedianMs)} over ${e.proxySamples} requests (p99 ${ms(e.baselineP99Ms)} without the download on this machine then); ${e.snapshots} snapshots, ${mb(e.exportBytes)} in ${e.exportS.toFixed(1)} s a download`,
    },
  ];
}
