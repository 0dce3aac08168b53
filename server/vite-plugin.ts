import path from 'node:path';
import { build, type Plugin, type ResolvedConfig } from 'vite';
import { readConfig } from './config.ts';
import { startDemoUpstream } from './demo/upstream.ts';
import { BUILT_WORKER } from './history-thread/worker-script.ts';
import { demoHistory, loadHistory } from './history-wiring.ts';
import type { Middleware } from './http/chain.ts';
import { createServerParts } from './parts.ts';
import { precompressDir } from './render/precompress.ts';
import { SERVER_ENTRY, serverOutDir } from './render/server-bundle.ts';

export { cacheTtlMs, DEFAULT_UPSTREAM } from './config.ts';

/** The production server's own entry, built beside the page renderer after each client build. */
const SERVER_MAIN = 'server/main.ts';
/** The history's worker thread, built beside it (server/history-thread/worker-script.ts finds it). */
const HISTORY_WORKER = 'server/history-thread/worker-main.ts';

/**
 * Mounts the server's parts (server/parts.ts) in Vite's dev and preview servers, so `npm run dev`
 * runs the very code `npm start` does. In `--mode demo` it starts the built-in demo upstream in
 * this process and forwards there, whatever `FAPI_UPSTREAM` says.
 */
export function insuranceProxy(): Plugin {
  let demo = false;
  let resolved: ResolvedConfig | undefined;

  async function mount(
    add: (m: Middleware) => void,
    onClose: (fn: () => void) => void,
    /** The preview's build: its pages are rendered with the pools in them (server/render/). */
    clientOutDir?: string,
  ) {
    const config = readConfig();
    const log = (line: string) => console.info(`  ${line}`);
    // The demo: its own upstream, going on from 30 days of generated history in a store of its
    // own, generated in the history's worker while the server starts.
    const seeded = demo ? await demoHistory(config, log) : undefined;
    if (seeded) {
      // Served once the month is in place: a history answered while it fills shows part of the
      // month as if it were all of it (2 days, then 12, 20, 28…).
      await seeded.thread.filled;
      const upstream = await startDemoUpstream({
        port: 0,
        ...(seeded.market ? { market: seeded.market } : {}),
      });
      config.upstream = upstream.url;
      onClose(() => void upstream.close());
    }
    const parts = await createServerParts({
      config,
      demo,
      log,
      history: (proxy) => loadHistory(config, proxy, log, seeded?.thread),
      ...(clientOutDir ? { clientOutDir } : {}),
    });
    onClose(
      () =>
        void parts
          .close()
          .catch((error: unknown) => console.error(`  ${(error as Error).message}`)),
    );
    for (const m of parts.middlewares) add(m);
    console.info(`  insurance proxy: -> ${demo ? 'demo upstream' : config.upstream}`);
    return parts;
  }

  return {
    name: 'insurance-proxy',
    configResolved(config) {
      resolved = config;
      demo = config.mode === 'demo';
    },
    async configureServer(server) {
      await mount(
        (m) => server.middlewares.use(m),
        (fn) => server.httpServer?.once('close', fn),
      );
    },
    async configurePreviewServer(server) {
      await mount(
        (m) => server.middlewares.use(m),
        (fn) => server.httpServer.once('close', fn),
        path.resolve(server.config.root, server.config.build.outDir),
      );
    },
    // Each client build is followed by the page renderer and the production server, both built
    // beside it, and by compressed twins of its files for the production server to send.
    async closeBundle() {
      if (!resolved || resolved.command !== 'build' || resolved.build.ssr || resolved.build.watch)
        return;
      const clientOutDir = path.resolve(resolved.root, resolved.build.outDir);
      const outDir = serverOutDir(clientOutDir);
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
          outDir,
          emptyOutDir: true,
          copyPublicDir: false,
          sourcemap: false,
          minify: false,
        },
      });
      // The server itself and the history's worker beside it: our code bundled, its libraries
      // (and the SQLite binding) left to node_modules, where npm put them.
      await build({
        configFile: false,
        root: resolved.root,
        logLevel: 'warn',
        build: {
          ssr: true,
          outDir,
          emptyOutDir: false,
          copyPublicDir: false,
          sourcemap: false,
          minify: false,
          target: 'node20',
          rollupOptions: {
            input: { server: SERVER_MAIN, [BUILT_WORKER.replace(/\.js$/, '')]: HISTORY_WORKER },
            output: { entryFileNames: '[name].js', chunkFileNames: '[name]-[hash].js' },
          },
        },
      });
      await precompressDir(clientOutDir);
    },
  };
}
