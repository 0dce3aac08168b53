/**
 * What the benchmark runs against: the production build and the floor page, each served by the
 * production server (server/main.ts) with the real proxy, in front of a demo upstream of the
 * chosen size.
 */
import { spawn, type ChildProcess, type StdioOptions } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { readConfig } from '../server/config.ts';
import { demoIndexAt } from '../server/demo/asset-index.ts';
import { seedDemoHistory } from '../server/demo/history-seed.ts';
import type { DemoPool } from '../server/demo/market.ts';
import { startDemoUpstream, type DemoUpstream } from '../server/demo/upstream.ts';
import { openSqliteAdapter } from '../server/history/sqlite/sqlite-adapter.ts';
import { loadHistory } from '../server/history-wiring.ts';
import { startServer, type RunningServer } from '../server/main.ts';
import { serverOutDir } from '../server/render/server-bundle.ts';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const RESULTS = `${ROOT}bench/results`;
export const APP_OUT = `${RESULTS}/dist-bench`;
export const FLOOR_OUT = `${RESULTS}/dist-floor`;
export const ENDPOINT = '/fapi/v1/insuranceBalance';

/** The range of ports the benchmark may listen on. */
const PORTS = { first: 4650, last: 4699 };
let nextPort = PORTS.first;

function isFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
  });
}

export async function freePort(): Promise<number> {
  for (let tries = 0; tries <= PORTS.last - PORTS.first; tries += 1) {
    const port = nextPort;
    nextPort = nextPort === PORTS.last ? PORTS.first : nextPort + 1;
    if (await isFree(port)) return port;
  }
  throw new Error(`no free port in ${PORTS.first}-${PORTS.last}`);
}

/** The production build, with a manifest so the entry's JavaScript can be told from the lazy chunks. */
export async function buildApp(): Promise<void> {
  await build({
    root: ROOT,
    logLevel: 'warn',
    build: { outDir: APP_OUT, emptyOutDir: true, manifest: true },
  });
}

export async function buildFloor(): Promise<void> {
  await build({
    configFile: false,
    root: `${ROOT}bench/floor`,
    logLevel: 'warn',
    build: { outDir: FLOOR_OUT, emptyOutDir: true, target: 'es2022' },
  });
}

export function isBuilt(): boolean {
  return existsSync(`${APP_OUT}/index.html`) && existsSync(`${FLOOR_OUT}/index.html`);
}

export interface Stack {
  upstream: DemoUpstream;
  app: string;
  floor: string | undefined;
  /** Pools in one answer of this upstream. */
  pools: number;
  symbols: string[];
  /** Snapshots of generated history behind the app; 0 without. */
  historySnapshots: number;
  close: () => Promise<void>;
}

/**
 * The history behind the large and soak stacks: 8 days, so every window (1 h, 24 h, 7 d) has a
 * figure and every card its day's sparkline, and a recording every 2 s, so each refresh brings
 * new history as well as new balances.
 */
export const HISTORY = { days: 8, everyMs: 30 * 60_000, recordEveryS: 2 };

export interface StackOptions {
  pools?: number;
  symbols?: number;
  stepMs: number;
  /** `FAPI_CACHE_TTL` for the servers; `undefined` leaves the default. */
  cacheTtl: string | undefined;
  withFloor?: boolean;
  /**
   * Recorded history behind the app, so the overview and the wall show changes and sparklines:
   * `days` generated before the start, one snapshot every `everyMs`, then one recorded every
   * `recordEveryS` seconds while the stack runs.
   */
  history?: { days: number; everyMs: number; recordEveryS: number };
}

/** Generates the history into a new SQLite file; returns the file and the market where it ends. */
async function seedHistory(options: StackOptions, history: NonNullable<StackOptions['history']>) {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'bench-history-')), 'history.sqlite');
  const store = openSqliteAdapter({ path: file, log: () => undefined });
  const seeded = seedDemoHistory({
    pools: options.pools,
    symbols: options.symbols,
    days: history.days,
    everyMs: history.everyMs,
    store,
    indexAt: (t) => demoIndexAt(t).map(({ symbol, index, time }) => ({ symbol, index, time })),
  });
  await seeded.filled;
  await store.close();
  return { file, market: seeded.market, snapshots: seeded.snapshots };
}

interface Served {
  cacheTtl: string | undefined;
  /** The history file and how often to record into it; none: an empty store, nothing recorded. */
  history?: { file: string; recordEveryS: number };
}

/** The floor is served by the app's own server: the same proxy, headers and all. */
async function serve(outDir: string, upstream: string, { cacheTtl, history }: Served) {
  const config = readConfig({
    FAPI_UPSTREAM: upstream,
    FAPI_CACHE_TTL: cacheTtl,
    FAPI_RECORD_EVERY: String(history?.recordEveryS ?? 0),
    HISTORY_DB:
      history?.file ?? path.join(mkdtempSync(path.join(tmpdir(), 'bench-')), 'history.sqlite'),
  });
  return startServer({
    clientOutDir: outDir,
    host: '127.0.0.1',
    port: await freePort(),
    config,
    log: () => undefined,
    ...(history ? { history: (proxy) => loadHistory(config, proxy, () => undefined) } : {}),
  });
}

export async function startStack(options: StackOptions): Promise<Stack> {
  let market: DemoPool[] | undefined;
  let history: Served['history'];
  let historySnapshots = 0;
  if (options.history) {
    const seeded = await seedHistory(options, options.history);
    market = seeded.market;
    historySnapshots = seeded.snapshots;
    history = { file: seeded.file, recordEveryS: options.history.recordEveryS };
  }
  const upstream = await startDemoUpstream({
    ...(market ? { market } : {}),
    port: await freePort(),
    pools: options.pools,
    symbols: options.symbols,
    stepMs: options.stepMs,
  });
  const servers: RunningServer[] = [];
  try {
    servers.push(await serve(APP_OUT, upstream.url, { cacheTtl: options.cacheTtl, history }));
    if (options.withFloor)
      servers.push(await serve(FLOOR_OUT, upstream.url, { cacheTtl: options.cacheTtl }));
  } catch (error) {
    await Promise.all(servers.map((s) => s.close()));
    await upstream.close();
    throw error;
  }
  const urls = servers.map((s) => s.url);
  const app = urls[0]!;
  const answer = (await (await fetch(app + ENDPOINT)).json()) as { symbols: string[] }[];
  return {
    upstream,
    app,
    floor: urls[1],
    pools: answer.length,
    symbols: answer.flatMap((p) => p.symbols),
    historySnapshots,
    async close() {
      await Promise.all(servers.map((s) => s.close()));
      await upstream.close();
    },
  };
}

interface ManifestChunk {
  file: string;
  isEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
}

/**
 * The JavaScript that runs before the app's first render: the entry, the modules the entry itself
 * imports (statically, or dynamically to start the app once the first frame is painted), and
 * their static imports, transitively. Lazy features imported from deeper in the app (the charts)
 * are not in it. Also every JS file.
 */
export function buildFiles(): { entry: string[]; all: string[]; css: string[] } {
  const manifest = JSON.parse(readFileSync(`${APP_OUT}/.vite/manifest.json`, 'utf8')) as Record<
    string,
    ManifestChunk
  >;
  const entryKey = Object.keys(manifest).find((k) => manifest[k]!.isEntry);
  if (entryKey === undefined) throw new Error('the build manifest names no entry');
  const seen = new Set<string>();
  const visit = (key: string) => {
    if (seen.has(key)) return;
    seen.add(key);
    for (const next of manifest[key]?.imports ?? []) visit(next);
  };
  visit(entryKey);
  for (const next of manifest[entryKey]!.dynamicImports ?? []) visit(next);
  const entry = [...seen].map((k) => manifest[k]!.file);
  const css = [...seen].flatMap((k) => manifest[k]!.css ?? []);
  const all = [...new Set(Object.values(manifest).map((c) => c.file))].filter((f) =>
    f.endsWith('.js'),
  );
  return { entry, all, css };
}

/**
 * The built production server in a process of its own (so that the load it gets and the figures
 * it gives are not the benchmark's own work), against `upstream`, once its health answers.
 */
export async function startServerProcess(
  upstream: string,
  env: Record<string, string>,
  stdio: StdioOptions = ['ignore', 'ignore', 'inherit'],
): Promise<{ url: string; child: ChildProcess }> {
  const port = await freePort();
  const child = spawn(
    process.execPath,
    [path.join(serverOutDir(APP_OUT), 'server.js'), '--port', String(port), '--host', '127.0.0.1'],
    { env: { ...process.env, FAPI_UPSTREAM: upstream, FAPI_CACHE_TTL: '5', ...env }, stdio },
  );
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 200; i += 1) {
    try {
      if ((await fetch(`${url}/api/health`)).ok) return { url, child };
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill('SIGKILL');
  throw new Error('the production server did not start');
}
