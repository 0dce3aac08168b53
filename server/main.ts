/**
 * The production server: the built app's files, the proxy, pages rendered with the pools in them,
 * the history and its API, and `/api/health`, on plain node:http. Run by `npm start` (built into
 * dist-server/server.js) with `--host` and `--port`; on SIGTERM or SIGINT it stops taking
 * connections, finishes the requests in flight, closes the history store and exits 0; 1 when the
 * store could not be closed within the limit.
 */
import compression from 'compression';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { readConfig, type ServerConfig } from './config.ts';
import { loadHistory } from './history-wiring.ts';
import { chain, type Middleware } from './http/chain.ts';
import { hostCheck } from './http/host-check.ts';
import { allowedHostsFrom, securityHeadersMiddleware } from './http/security-headers.ts';
import { notFound, staticFiles } from './http/static-files.ts';
import { createServerParts, type HistoryParts } from './parts.ts';
import type { Proxy } from './proxy/proxy.ts';

export interface StartOptions {
  /** The client build to serve; its server bundle sits beside it (`<dir>-server`). */
  clientOutDir: string;
  host?: string;
  port?: number;
  config?: ServerConfig;
  allowedHosts?: string[];
  history?: (proxy: Proxy) => Promise<HistoryParts | undefined>;
  log?: (line: string) => void;
  /** How long a stop waits for requests in flight before it closes their connections. */
  drainMs?: number;
}

export interface RunningServer {
  url: string;
  port: number;
  server: Server;
  proxy: Proxy;
  /** Stops taking connections, finishes what is in flight, closes the stores. */
  close: () => Promise<void>;
}

/**
 * Compresses the API's answers, which are made per request. Pages, the proxy's answers and the
 * build's files come compressed already, made once for every viewer.
 */
const compressApi: Middleware = (() => {
  const compress = compression({ threshold: 1024 }) as unknown as Middleware;
  return (req, res, next) =>
    (req.url ?? '').startsWith('/api/') ? compress(req, res, next) : next();
})();

export async function startServer(options: StartOptions): Promise<RunningServer> {
  const log = options.log ?? ((line: string) => console.info(line));
  const config = options.config ?? readConfig();
  const parts = await createServerParts({
    config,
    demo: false,
    log,
    history: options.history,
    clientOutDir: options.clientOutDir,
  });
  const handle = chain(
    [
      securityHeadersMiddleware('built'),
      hostCheck(options.allowedHosts ?? allowedHostsFrom(process.env.FAPI_ALLOWED_HOSTS)),
      compressApi,
      ...parts.middlewares,
      staticFiles(options.clientOutDir),
    ],
    notFound,
  );

  let inFlight = 0;
  let drained: (() => void) | undefined;
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    inFlight += 1;
    res.once('close', () => {
      inFlight -= 1;
      if (inFlight === 0) drained?.();
    });
    handle(req, res);
  });
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 4173, options.host ?? '127.0.0.1', () => resolve());
  });
  const { port, address, family } = server.address() as AddressInfo;
  const hostText = family === 'IPv6' ? `[${address}]` : address;
  const url = `http://${hostText}:${port}`;
  log(
    `dashboard: listening on ${url}, upstream ${config.upstream}, cache ${config.cacheTtlMs / 1000} s`,
  );

  let closing: Promise<void> | undefined;
  function close(): Promise<void> {
    closing ??= (async () => {
      log(`dashboard: stopping${inFlight > 0 ? `, finishing ${inFlight} request(s)` : ''}`);
      const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      if (inFlight > 0)
        await Promise.race([
          new Promise<void>((resolve) => (drained = resolve)),
          new Promise((resolve) => setTimeout(resolve, options.drainMs ?? 2_500).unref()),
        ]);
      server.closeAllConnections();
      await stopped;
      await parts.close();
      log('dashboard: stopped');
    })();
    return closing;
  }

  return { url, port, server, proxy: parts.proxy, close };
}

/** The contract's limit for a stop (5 s), less a margin for the process to exit. */
export const STOP_LIMIT_MS = 4_800;

/**
 * Stops the server and says the exit code: 0 once everything is closed, the history's store
 * included; 1 when something could not be closed, or not within `limitMs`, naming what.
 */
export async function stopCode(
  close: () => Promise<void>,
  limitMs = STOP_LIMIT_MS,
  error: (line: string) => void = console.error,
): Promise<number> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<number>((resolve) => {
    timer = setTimeout(() => {
      error(
        `dashboard: not stopped within ${limitMs / 1000} s; the history store may not be closed`,
      );
      resolve(1);
    }, limitMs);
  });
  const done = close().then(
    () => 0,
    (failure: unknown) => {
      error(
        `dashboard: stopping failed: ${failure instanceof Error ? failure.message : String(failure)}`,
      );
      return 1;
    },
  );
  return Promise.race([done, late]).finally(() => clearTimeout(timer));
}

/** `npm start -- --host 0.0.0.0 --port 8080`. */
async function main() {
  const { values } = parseArgs({
    options: { host: { type: 'string' }, port: { type: 'string' }, dist: { type: 'string' } },
    allowPositionals: false,
  });
  const port = values.port === undefined ? undefined : Number(values.port);
  if (port !== undefined && !(Number.isInteger(port) && port >= 0 && port < 65536)) {
    console.error(`--port takes a port number (0-65535), not ${JSON.stringify(values.port)}.`);
    process.exit(2);
  }
  // Built into <client>-server/server.js: the client build is the folder beside it.
  const here = path.dirname(fileURLToPath(import.meta.url));
  const clientOutDir = path.resolve(values.dist ?? here.replace(/-server$/, ''));
  const config = readConfig();
  const running = await startServer({
    clientOutDir,
    host: values.host,
    port,
    config,
    history: (proxy) => loadHistory(config, proxy, (line) => console.info(line)),
  });
  for (const signal of ['SIGTERM', 'SIGINT'] as const)
    process.once(signal, () => {
      void stopCode(running.close).then((code) => process.exit(code));
    });
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    console.error('dashboard: could not start:', error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
