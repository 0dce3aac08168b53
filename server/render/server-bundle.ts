import { existsSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { PrerenderInput, PrerenderOutput } from '../../src/core/prerender.ts';

/** The app's own render of a page, built from this file into a bundle beside the client build. */
export const SERVER_ENTRY = 'src/entry-server.tsx';

/** Where the server bundle of a build goes: beside the client's, never inside what is served. */
export function serverOutDir(clientOutDir: string): string {
  return `${clientOutDir.replace(/[/\\]+$/, '')}-server`;
}

export interface ServerEntry {
  prerender: (input: PrerenderInput) => PrerenderOutput | undefined;
  /** The key of a page's variant (link, language, theme); a page is rendered once per key. */
  variantOf?: (input: Pick<PrerenderInput, 'search' | 'languages' | 'colorScheme'>) => string;
}

const WARM_UP = {
  body: '[{"symbols":["BTCUSDT"],"assets":[{"asset":"USDT","marginBalance":"1.5","updateTime":0}]}]',
  demo: false,
  fetchedAt: 0,
};

/**
 * Loads the server bundle of a client build once, and renders a small list with it at once so
 * the first visitor does not pay for a cold start. `undefined` (with one warning) when the build
 * has none or it cannot be loaded: pages then go out as the plain shell.
 */
export function bundleLoader(clientOutDir: string, warn: (message: string) => void) {
  const bundle = path.join(serverOutDir(clientOutDir), 'entry-server.js');
  let loaded: Promise<ServerEntry | undefined> | undefined;
  return (): Promise<ServerEntry | undefined> =>
    (loaded ??= (async () => {
      if (!existsSync(bundle)) {
        warn(`no server bundle at ${path.relative(process.cwd(), bundle)} (run vite build)`);
        return undefined;
      }
      const entry = (await import(pathToFileURL(bundle).href)) as ServerEntry;
      try {
        entry.prerender({ search: '', languages: [], answer: WARM_UP, now: Date.now() });
      } catch {
        // A render that throws is reported when a page asks for it.
      }
      return entry;
    })().catch((error: unknown) => {
      warn(`the server bundle could not be loaded (${String(error)})`);
      return undefined;
    }));
}
