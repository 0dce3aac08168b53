import { existsSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { PrerenderInput, PrerenderOutput } from '../../src/core/prerender.ts';
import { startRenderPool, type RenderPoolOptions } from './render-pool.ts';

/** The app's own render of a page, built from this file into a bundle beside the client build. */
export const SERVER_ENTRY = 'src/entry-server.tsx';

/** Where the server bundle of a build goes: beside the client's, never inside what is served. */
export function serverOutDir(clientOutDir: string): string {
  return `${clientOutDir.replace(/[/\\]+$/, '')}-server`;
}

export interface ServerEntry {
  /** `signal`: aborted when the render is no longer wanted (its askers left, or it took too long). */
  prerender: (
    input: PrerenderInput,
    signal?: AbortSignal,
  ) => PrerenderOutput | undefined | Promise<PrerenderOutput | undefined>;
  /** The key of a page's variant (link, language, theme); a page is rendered once per key. */
  variantOf?: (input: Pick<PrerenderInput, 'search' | 'languages' | 'colorScheme'>) => string;
}

/**
 * The list the render thread draws once at its start, so the first visitor's page does not pay
 * for a cold start: long enough (150 pools) that both kinds of row of a long list, drawn and held,
 * are compiled too. A 600-pool page rendered first in a cold thread took about five times as long
 * as the next, and missed its wait on a busy machine.
 */
const WARM_UP = {
  body: JSON.stringify(
    Array.from({ length: 150 }, (_, i) => ({
      symbols: [`W${i}USDT`, `W${i}USDC`],
      assets: [
        { asset: 'USDT', marginBalance: `${i + 1}.5`, updateTime: 0 },
        { asset: 'USDC', marginBalance: `${i + 2}.25`, updateTime: 0 },
      ],
    })),
  ),
  demo: false,
  fetchedAt: 0,
};

/** Loads a server bundle once; `close` lets go of what it started. */
export type BundleLoader = (() => Promise<ServerEntry | undefined>) & {
  close?: () => Promise<void>;
};

/**
 * Loads the server bundle of a client build once: in the render pool (render-pool.ts), which
 * renders every page (a list of its own first, so the first visitor does not pay for a cold start),
 * and here, where only its cheap `variantOf` runs. `undefined` (with one warning) when the build
 * has none or it cannot be loaded: pages then go out as the plain shell.
 */
export function bundleLoader(
  clientOutDir: string,
  warn: (message: string) => void,
  pool: RenderPoolOptions = {},
): BundleLoader {
  const bundle = path.join(serverOutDir(clientOutDir), 'entry-server.js');
  let loaded:
    | Promise<
        | (ServerEntry & {
            load: () => { running: number; queued: number };
            close: () => Promise<void>;
          })
        | undefined
      >
    | undefined;
  const load = () =>
    (loaded ??= (async () => {
      if (!existsSync(bundle)) {
        warn(`no server bundle at ${path.relative(process.cwd(), bundle)} (run vite build)`);
        return undefined;
      }
      const entry = (await import(pathToFileURL(bundle).href)) as ServerEntry;
      const renderer = startRenderPool(bundle, pool);
      await renderer
        .render({ search: '', languages: [], answer: WARM_UP, now: Date.now() })
        .catch(() => undefined); // a render that throws is reported when a page asks for it
      return {
        prerender: renderer.render,
        variantOf: entry.variantOf,
        load: renderer.load,
        close: renderer.close,
      };
    })().catch((error: unknown) => {
      warn(`the server bundle could not be loaded (${String(error)})`);
      return undefined;
    }));
  return Object.assign(load, {
    close: async () => {
      await (await loaded)?.close();
    },
  });
}
