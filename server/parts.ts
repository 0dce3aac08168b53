import type { AdlRating } from '../src/core/adl.ts';
import type { ServerConfig } from './config.ts';
import { createHealthRoute, type PartStatus } from './health.ts';
import { createMetricsRoute } from './metrics/metrics.ts';
import type { Middleware } from './http/chain.ts';
import type { Answer } from './proxy/answer.ts';
import { createProxy, type Proxy } from './proxy/proxy.ts';
import { createProxyRoute } from './proxy/route.ts';
import { createPageRoute } from './render/page-route.ts';

/** The history's parts as the servers mount them (server/history-thread). */
export interface HistoryParts {
  routes: Middleware;
  status: () => PartStatus;
  close: () => Promise<void>;
  /** The ADL risk ratings of the main thread's last good reading through the proxy (`/metrics`). */
  latestAdl?: () => AdlRating[];
}

export interface ServerParts {
  proxy: Proxy;
  /** The route table, in order: health, history API, proxy, pages. Files come after them. */
  middlewares: Middleware[];
  /** Closes every part, the history's store last; rejects if one could not be closed. */
  close: () => Promise<void>;
}

/**
 * The server's parts and their routes, the one table that production (server/main.ts), Vite's
 * dev and preview servers (server/vite-plugin.ts) and the tests mount: the proxy (cache,
 * in-flight sharing, pause guard, budget), the history (recorder, store, API, in its thread),
 * the health check that reports on both, and, given a client build, its pages rendered with the
 * pools in them. A new part is one line in `middlewares` (and its `close` in `closers`).
 */
export async function createServerParts(options: {
  config: ServerConfig;
  /** The data comes from the built-in demo upstream. */
  demo: boolean;
  log: (line: string) => void;
  history?: (proxy: Proxy) => Promise<HistoryParts | undefined>;
  /** A client build to serve pages of (production and preview; not the dev server). */
  clientOutDir?: string;
}): Promise<ServerParts> {
  const { config, log } = options;
  // A new pool list is rendered before the first viewer asks, when the cache keeps it to share.
  let warmPages: ((answer: Answer) => Promise<void>) | undefined;
  const proxy = createProxy({
    upstream: config.upstream,
    cacheTtlMs: config.cacheTtlMs,
    log,
    onPoolList: (answer) => void warmPages?.(answer).catch(() => undefined),
  });
  const history = await options.history?.(proxy);
  const health = createHealthRoute({
    proxy,
    history: history?.status,
    demo: options.demo,
    startedAt: Date.now(),
  });
  const pages = options.clientOutDir
    ? createPageRoute({
        clientOutDir: options.clientOutDir,
        poolList: proxy.poolList,
        peekPoolList: proxy.peekPoolList,
      })
    : undefined;
  if (pages && config.cacheTtlMs > 0) warmPages = pages.warm;
  const middlewares: Middleware[] = [
    health,
    ...(history ? [history.routes] : []),
    createMetricsRoute({
      proxy,
      history: history?.status,
      ...(history?.latestAdl ? { ratings: history.latestAdl } : {}),
    }),
    createProxyRoute(proxy),
    ...(pages ? [pages] : []),
  ];
  const closers: (() => Promise<void>)[] = [
    ...(pages ? [pages.close] : []),
    ...(history ? [history.close] : []),
  ];
  return {
    proxy,
    middlewares,
    close: async () => {
      const failed: unknown[] = [];
      for (const close of closers) await close().catch((error: unknown) => failed.push(error));
      if (failed.length > 0) throw failed[0];
    },
  };
}
