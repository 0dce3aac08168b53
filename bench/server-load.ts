/**
 * The production server under load, in a process of its own (so the load it gets and the figures
 * it gives are not the benchmark's own work): rendered pages per second at 50 connections beside
 * a static file of the same server in the same run, the proxy's p99 while pages are hammered,
 * and the server's RSS over minutes of steady load, after two minutes of it to settle in.
 */
import autocannon from 'autocannon';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { percentile, slope } from './report.ts';
import { APP_OUT, ENDPOINT, startServerProcess } from './stack.ts';

export interface ServerLoad {
  pagesPerS: number;
  staticPerS: number;
  pageErrors: number;
  staticErrors: number;
  pageP99Ms: number;
  /** The server process's CPU time (every thread) per request served, in µs. */
  pageCpuUs: number;
  staticCpuUs: number;
  proxyP99Ms: number;
  proxySamples: number;
  rss: { atS: number; mb: number }[];
  rssSlopeMbPerMin: number;
}

interface Plan {
  seconds: number;
  soakSeconds: number;
}

const PAGE_HEADERS = {
  accept: 'text/html,application/xhtml+xml',
  'accept-language': 'en-GB,en;q=0.8',
  'accept-encoding': 'br, gzip',
};

const startChild = (upstream: string) =>
  startServerProcess(
    upstream,
    { HISTORY_DB: path.join(mkdtempSync(path.join(tmpdir(), 'bench-load-')), 'h.sqlite') },
    ['ignore', 'pipe', 'inherit'],
  );

function run(options: autocannon.Options): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => {
    autocannon(options, (error, result) => (error ? reject(error) : resolve(result)));
  });
}

const failures = (r: autocannon.Result) => r.errors + r.timeouts + r.non2xx;

/** Sequential requests of the pool list, one every `everyMs`, until `until`; their latencies. */
async function probe(url: string, everyMs: number, until: number): Promise<number[]> {
  const times: number[] = [];
  while (Date.now() < until) {
    const t = performance.now();
    const res = await fetch(url);
    await res.arrayBuffer();
    times.push(performance.now() - t);
    await new Promise((r) => setTimeout(r, everyMs));
  }
  return times;
}

/** CPU time the process has used, every thread, in ms (Linux: /proc, in clock ticks of 10 ms). */
function cpuMs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? NaN) / 1024;
}

export async function serverLoad(upstream: string, plan: Plan, log: (l: string) => void) {
  const { url, child } = await startChild(upstream);
  try {
    const asset = readdirSync(`${APP_OUT}/assets`).find((f) => /^index-.*\.js$/.test(f));
    const staticUrl = `${url}/assets/${asset}`;
    const base = { connections: 50, duration: plan.seconds, pipelining: 1 };
    // Warm: the render of the first answer, the file cache, the JIT.
    await run({ ...base, url: `${url}/`, headers: PAGE_HEADERS, duration: 2 });
    // Static file and pages in turns, so that the machine's other work weighs on both alike; the
    // server's own CPU per request beside the rates, since the load generator shares the machine.
    const rounds = 2;
    const half = { ...base, duration: Math.max(1, Math.round(plan.seconds / rounds)) };
    const files: autocannon.Result[] = [];
    const pagesRuns: autocannon.Result[] = [];
    let staticCpu = 0;
    let pageCpu = 0;
    for (let round = 0; round < rounds; round += 1) {
      let before = cpuMs(child.pid!);
      files.push(
        await run({ ...half, url: staticUrl, headers: { 'accept-encoding': 'br, gzip' } }),
      );
      staticCpu += cpuMs(child.pid!) - before;
      before = cpuMs(child.pid!);
      pagesRuns.push(await run({ ...half, url: `${url}/`, headers: PAGE_HEADERS }));
      pageCpu += cpuMs(child.pid!) - before;
    }
    const rate = (runs: autocannon.Result[]) =>
      runs.reduce((sum, r) => sum + r.requests.average, 0) / runs.length;
    const count = (runs: autocannon.Result[]) => runs.reduce((sum, r) => sum + r.requests.total, 0);
    const pages = {
      requests: { average: rate(pagesRuns) },
      latency: { p99: Math.max(...pagesRuns.map((r) => r.latency.p99)) },
      failures: pagesRuns.reduce((sum, r) => sum + failures(r), 0),
    };
    const staticRate = rate(files);
    log(`pages ${pages.requests.average}/s, static file ${staticRate}/s`);

    // The proxy while pages are hammered, the load in a thread of its own.
    const until = Date.now() + plan.seconds * 1000;
    const [, proxyTimes] = await Promise.all([
      run({ ...base, url: `${url}/`, headers: PAGE_HEADERS, workers: 1 }),
      probe(`${url}${ENDPOINT}`, 20, until),
    ]);

    // Minutes of steady, mixed load; RSS sampled every 5 s.
    const steady = (duration: number) =>
      run({
        url,
        connections: 10,
        duration,
        overallRate: 200,
        requests: [
          { method: 'GET', path: '/', headers: PAGE_HEADERS },
          { method: 'GET', path: '/?lang=zh-CN&view=wall', headers: PAGE_HEADERS },
          { method: 'GET', path: ENDPOINT },
          { method: 'GET', path: `${ENDPOINT}?symbol=BTCUSDT` },
          { method: 'GET', path: '/api/health' },
          { method: 'GET', path: `/assets/${asset}` },
        ],
      });
    // The same load first, unsampled, while the process settles into it: the target is the
    // growth of a server that runs on, not the first minutes of a new load. Measured over 10-12
    // minutes of this load (V8 heaps logged in the server, glibc's arenas read with gdb), RSS
    // rose for the first 2-3 minutes and then stayed level even where nothing could grow: with
    // pages sent uncompressed, 163 -> 181 MB in 2.5 minutes and flat for the 7 after (0.12 MB/min
    // over the last 5), yet 1.28 MB/min fitted over minutes 1-6 as the soak alone used to be;
    // the main thread's heap after a forced GC stayed at 17.4-18.0 MB throughout.
    await steady(Math.round(plan.soakSeconds * 0.4));
    const rss: { atS: number; mb: number }[] = [];
    const started = Date.now();
    const sampler = setInterval(
      () => rss.push({ atS: (Date.now() - started) / 1000, mb: rssMb(child.pid!) }),
      5_000,
    );
    await steady(plan.soakSeconds);
    clearInterval(sampler);
    const later = rss.filter((p) => p.atS >= plan.soakSeconds * 0.2);
    return {
      pagesPerS: pages.requests.average,
      staticPerS: staticRate,
      pageErrors: pages.failures,
      staticErrors: files.reduce((sum, r) => sum + failures(r), 0),
      pageP99Ms: pages.latency.p99,
      pageCpuUs: (pageCpu * 1000) / Math.max(1, count(pagesRuns)),
      staticCpuUs: (staticCpu * 1000) / Math.max(1, count(files)),
      proxyP99Ms: percentile(proxyTimes, 99),
      proxySamples: proxyTimes.length,
      rss,
      rssSlopeMbPerMin: slope(later.map((p) => ({ x: p.atS / 60, y: p.mb }))),
    } satisfies ServerLoad;
  } finally {
    child.kill('SIGTERM');
  }
}
