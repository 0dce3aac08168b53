import type { Plugin } from 'vite';
import { startDemoUpstream } from './demo-upstream.ts';
import { createInsuranceProxy } from './insurance-proxy.ts';

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
    return proxy.middleware;
  }

  return {
    name: 'insurance-proxy',
    configResolved(config) {
      demo = config.mode === 'demo';
    },
    async configureServer(server) {
      server.middlewares.use(await middleware((fn) => server.httpServer?.once('close', fn)));
    },
    async configurePreviewServer(server) {
      server.middlewares.use(await middleware((fn) => server.httpServer.once('close', fn)));
    },
  };
}
