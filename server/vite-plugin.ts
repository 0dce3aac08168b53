import path from 'node:path';
import { build, type Plugin, type ResolvedConfig } from 'vite';
import { startDemoUpstream } from './demo/upstream.ts';
import { createInsuranceProxy } from './proxy/insurance-proxy.ts';
import { createPrerender, SERVER_ENTRY, serverOutDir } from './render/prerender.ts';

export const DEFAULT_UPSTREAM = 'https://fapi.binance.com';
const DEFAULT_TTL_S = 5;

/** `FAPI_CACHE_TTL` in seconds; a missing or unreadable value falls back to the default. */
export function cacheTtlMs(value: string | undefined): number {
  if (value === undefined || value.trim() === '') return DEFAULT_TTL_S * 1000;
  const seconds = Number(value);
  if (!Number.isFinite(seconds) || seconds < 0) {
    console.warn(
      `FAPI_CACHE_TTL=${JSON.stringify(value)} is not a number of seconds; using ${DEFAULT_TTL_S}.`,
    );
    return DEFAULT_TTL_S * 1000;
  }
  return seconds * 1000;
}

/**
 * Puts the insurance-balance proxy into Vite's dev and preview servers alike. In `--mode demo`
 * it starts the built-in demo upstream in this process and forwards there, whatever
 * `FAPI_UPSTREAM` says.
 */
export function insuranceProxy(): Plugin {
  let demo = false;

  async function middleware(onClose: (fn: () => void) => void) {
    let upstream = process.env.FAPI_UPSTREAM?.trim() || DEFAULT_UPSTREAM;
    if (demo) {
      const server = await startDemoUpstream({ port: 0 });
      upstream = server.url;
      onClose(() => server.close());
    }
    const proxy = createInsuranceProxy({
      upstream,
      cacheTtlMs: cacheTtlMs(process.env.FAPI_CACHE_TTL),
    });
    console.info(
      `  insurance proxy: /fapi/v1/insuranceBalance -> ${demo ? 'demo upstream' : upstream}`,
    );
    return proxy;
  }

  let resolved: ResolvedConfig | undefined;

  return {
    name: 'insurance-proxy',
    configResolved(config) {
      resolved = config;
      demo = config.mode === 'demo';
    },
    async configureServer(server) {
      const proxy = await middleware((fn) => server.httpServer?.once('close', fn));
      server.middlewares.use(proxy.middleware);
    },
    async configurePreviewServer(server) {
      const proxy = await middleware((fn) => server.httpServer.once('close', fn));
      server.middlewares.use(proxy.middleware);
      // Production pages arrive with the pools in them (server/render/prerender.ts).
      const clientOutDir = path.resolve(server.config.root, server.config.build.outDir);
      server.middlewares.use(createPrerender({ clientOutDir, poolList: proxy.poolList }));
    },
    // Each client build is followed by the server bundle that renders its pages.
    async closeBundle() {
      if (!resolved || resolved.command !== 'build' || resolved.build.ssr || resolved.build.watch)
        return;
      await build({
        configFile: resolved.configFile ?? false,
        root: resolved.root,
        mode: resolved.mode,
        logLevel: 'warn',
        // Self-contained: it runs wherever the build is served from, with React's production
        // code chosen now rather than by the serving process's NODE_ENV.
        ssr: { noExternal: true },
        define: {
          'process.env.NODE_ENV': JSON.stringify(
            resolved.isProduction ? 'production' : 'development',
          ),
        },
        build: {
          ssr: SERVER_ENTRY,
          outDir: serverOutDir(path.resolve(resolved.root, resolved.build.outDir)),
          emptyOutDir: true,
          copyPublicDir: false,
          sourcemap: false,
          minify: false,
        },
      });
    },
  };
}
