import type { ServerConfig } from './config.ts';
import { createHealthRoute, type PartStatus } from './health.ts';
import { createMetricsRoute } from './metrics/metrics.ts';
import type { Middleware } from './http/chain.ts';
import { createProxy, type Proxy } from './proxy/proxy.ts';
import { createProxyRoute } from './proxy/route.ts';

/** The history's parts as the servers mount them (server/history-thread). */
export interface HistoryParts {
  routes: Middleware;
  status: () => PartStatus;
  close: () => Promise<void>;
}

export interface ServerParts {
  proxy: Proxy;
  /** In order: health, history API, proxy. Pages and files come after them. */
  middlewares: Middleware[];
  close: () => Promise<void>;
}

/**
 * The server's parts, the same in Vite's dev server and in the production server: the proxy
 * (cache, in-flight sharing, pause guard, budget), the history (recorder, store, API), and the
 * health check that reports on both.
 */
export async function createServerParts(options: {
  config: ServerConfig;
  /** The data comes from the built-in demo upstream. */
  demo: boolean;
  log: (line: string) => void;
  history?: (proxy: Proxy) => Promise<HistoryParts | undefined>;
}): Promise<ServerParts> {
  const { config, log } = options;
  const proxy = createProxy({ upstream: config.upstream, cacheTtlMs: config.cacheTtlMs, log });
  const history = await options.history?.(proxy);
  const health = createHealthRoute({
    proxy,
    history: history?.status,
    demo: options.demo,
    startedAt: Date.now(),
  });
  const middlewares: Middleware[] = [health];
  if (history) middlewares.push(history.routes);
  middlewares.push(createMetricsRoute({ proxy, history: history?.status }));
  middlewares.push(createProxyRoute(proxy));
  return {
    proxy,
    middlewares,
    close: async () => {
      await history?.close();
    },
  };
}
