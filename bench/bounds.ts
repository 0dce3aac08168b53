/**
 * The server's bounds under an attacker's load, the production server in a process of its own:
 *
 * - a normal visitor's `/` (sequential requests, Accept: text/html) while 8 clients cycle 64
 *   page variants of a list of 600 pools: once with `?refresh=1…64` (links that differ only in
 *   what the browser does), once with 64 links that each change the markup (`?symbol=…`);
 * - the proxy's pool list (sequential requests) while a client downloads the whole history of a
 *   year (`/api/history/export`), read as fast as it comes.
 */
import autocannon from 'autocannon';
import type { ChildProcess } from 'node:child_process';
import { get as httpGet } from 'node:http';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { demoIndexAt } from '../server/demo/asset-index.ts';
import { seedDemoHistory } from '../server/demo/history-seed.ts';
import { startDemoUpstream } from '../server/demo/upstream.ts';
import { openSqliteAdapter } from '../server/history/sqlite/sqlite-adapter.ts';
import { percentile } from './report.ts';
import { ENDPOINT, freePort, startServerProcess } from './stack.ts';

export interface VariantLoad {
  /** What the 8 clients cycled. */
  variants: string;
  visitorP95Ms: number;
  visitorMedianMs: number;
  visitorSamples: number;
  /** The visitor's pages that came rendered (the rest: the plain page, when the renderer was busy or late). */
  visitorRendered: number;
  attackRequests: number;
}

export interface ExportLoad {
  snapshots: number;
  exportBytes: number;
  exportS: number;
  proxyP99Ms: number;
  proxyMedianMs: number;
  proxySamples: number;
  /** The same measure for as long before the download: what the machine gives without it. */
  baselineP99Ms: number;
}

export interface BoundsFigures {
  pages: VariantLoad[];
  exportLoad: ExportLoad;
}

interface Plan {
  seconds: number;
  /** Time between two snapshots of the year of history. */
  historyEveryMs: number;
  /** Downloads of the year, one after the other, while the proxy is measured. */
  exportRounds: number;
}

const HTML = { accept: 'text/html,application/xhtml+xml', 'accept-encoding': 'br, gzip' };

const startChild = (upstream: string, historyDb: string) =>
  startServerProcess(upstream, { FAPI_RECORD_EVERY: '0', HISTORY_DB: historyDb });

function stop(child: ChildProcess) {
  return new Promise<void>((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

/** Sequential GETs of `url` until `until`, one every `everyMs`: each latency, and a check of each body. */
async function probe(
  url: string,
  headers: Record<string, string>,
  everyMs: number,
  until: number,
  check?: (body: string) => boolean,
) {
  const times: number[] = [];
  let passed = 0;
  while (Date.now() < until) {
    const t = performance.now();
    const res = await fetch(url, { headers });
    const body = await res.text();
    times.push(performance.now() - t);
    if (check?.(body)) passed += 1;
    await new Promise((r) => setTimeout(r, everyMs));
  }
  return { times, passed };
}

async function variantLoad(
  url: string,
  name: string,
  links: string[],
  seconds: number,
): Promise<VariantLoad> {
  const until = Date.now() + seconds * 1000;
  // The 8 clients in a thread of their own (autocannon), reading every answer without decoding it.
  const attack = new Promise<autocannon.Result>((resolve, reject) =>
    autocannon(
      {
        url,
        connections: 8,
        duration: seconds,
        workers: 1,
        requests: links.map((path) => ({
          method: 'GET' as const,
          path: `/${path}`,
          headers: HTML,
        })),
      },
      (error, result) => (error ? reject(error) : resolve(result)),
    ),
  );
  const [visitor, attacked] = await Promise.all([
    probe(`${url}/`, HTML, 50, until, (body) => body.includes('data-testid="pool"')),
    attack,
  ]);
  const sorted = [...visitor.times].sort((a, b) => a - b);
  return {
    variants: name,
    visitorP95Ms: percentile(visitor.times, 95),
    visitorMedianMs: sorted[Math.floor(sorted.length / 2)] ?? NaN,
    visitorSamples: visitor.times.length,
    visitorRendered: visitor.passed,
    attackRequests: attacked.requests.total,
  };
}

/** Downloads the whole export, dropping its bytes as they come: its size. */
function download(url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    httpGet(`${url}/api/history/export`, (res) => {
      if (res.statusCode !== 200) reject(new Error(`the export answered ${res.statusCode}`));
      let bytes = 0;
      res.on('data', (chunk: Buffer) => (bytes += chunk.length));
      res.on('end', () => resolve(bytes));
      res.on('error', reject);
    }).on('error', reject);
  });
}

/** The pool list asked one after the other until `stop()` says so: each latency. */
async function proxyTimes(url: string, stop: () => boolean): Promise<number[]> {
  const times: number[] = [];
  while (!stop()) {
    const t = performance.now();
    await (await fetch(`${url}${ENDPOINT}`)).arrayBuffer();
    times.push(performance.now() - t);
    await new Promise((r) => setTimeout(r, 5));
  }
  return times;
}

async function exportLoad(url: string, snapshots: number, rounds: number): Promise<ExportLoad> {
  // As long again without the download first, as the machine gives it.
  const first = performance.now();
  await download(url);
  const oneMs = performance.now() - first;
  const quietUntil = performance.now() + oneMs * rounds;
  const baseline = await proxyTimes(url, () => performance.now() >= quietUntil);
  const started = performance.now();
  let done = false;
  const downloads = (async () => {
    let bytes = 0;
    for (let i = 0; i < rounds; i += 1) bytes = await download(url);
    done = true;
    return bytes;
  })();
  const times = await proxyTimes(url, () => done);
  const exportBytes = await downloads;
  const sorted = [...times].sort((a, b) => a - b);
  return {
    snapshots,
    exportBytes,
    exportS: (performance.now() - started) / 1000 / rounds,
    proxyP99Ms: percentile(times, 99),
    proxyMedianMs: sorted[Math.floor(sorted.length / 2)] ?? NaN,
    proxySamples: times.length,
    baselineP99Ms: percentile(baseline, 99),
  };
}

export async function boundsPart(plan: Plan, log: (line: string) => void): Promise<BoundsFigures> {
  // 600 pools for the pages.
  const upstream = await startDemoUpstream({
    port: await freePort(),
    pools: 600,
    symbols: 6000,
    stepMs: 1000,
  });
  const pagesServer = await startChild(
    upstream.url,
    path.join(mkdtempSync(path.join(tmpdir(), 'bench-bounds-')), 'h.sqlite'),
  );
  const pages: VariantLoad[] = [];
  try {
    // Warm: the first render of the page, the JIT.
    for (let i = 0; i < 5; i += 1)
      await fetch(`${pagesServer.url}/`, { headers: HTML }).then((r) => r.text());
    const list = (await (await fetch(`${pagesServer.url}${ENDPOINT}`)).json()) as {
      symbols: string[];
    }[];
    const refresh = Array.from({ length: 64 }, (_, i) => `?refresh=${i + 1}`);
    const symbols = list.slice(0, 64).map((p) => `?symbol=${encodeURIComponent(p.symbols[0]!)}`);
    for (const [name, links] of [
      ['?refresh=1…64', refresh],
      ['?symbol= of 64 pools', symbols],
    ] as const) {
      log(`a visitor's page while 8 clients cycle ${name} (${plan.seconds} s)`);
      pages.push(await variantLoad(pagesServer.url, name, [...links], plan.seconds));
    }
  } finally {
    await stop(pagesServer.child);
    await upstream.close();
  }

  log(`a year of history, one snapshot every ${plan.historyEveryMs / 3_600_000} h`);
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'bench-bounds-year-')), 'history.sqlite');
  const store = openSqliteAdapter({ path: file, log: () => undefined });
  const seeded = seedDemoHistory({
    days: 365,
    everyMs: plan.historyEveryMs,
    store,
    indexAt: (t) => demoIndexAt(t).map(({ symbol, index, time }) => ({ symbol, index, time })),
  });
  await seeded.filled;
  await store.close();
  const demo = await startDemoUpstream({
    port: await freePort(),
    market: seeded.market,
    stepMs: 1000,
  });
  const exportServer = await startChild(demo.url, file);
  try {
    log(`the proxy while the whole year is downloaded (${plan.exportRounds} times)`);
    return {
      pages,
      exportLoad: await exportLoad(exportServer.url, seeded.snapshots, plan.exportRounds),
    };
  } finally {
    await stop(exportServer.child);
    await demo.close();
  }
}
