import { createContext, useContext, useSyncExternalStore } from 'react';

/**
 * What a page rendered on the server was rendered with. The server renders with it, and the
 * browser's first render (hydration) uses the same values, so both produce the same markup;
 * after that the browser's own address, clock and languages take over.
 */
export interface RenderSeed {
  /** The query string of the page's address, `?` included (or empty). */
  search: string;
  /** The clock the server rendered at, in ms since the epoch. */
  now: number;
  /** The languages the browser asked for (from `Accept-Language`); the server only. */
  languages?: readonly string[];
}

export const RenderSeedContext = createContext<RenderSeed | null>(null);

export function useRenderSeed(): RenderSeed | null {
  return useContext(RenderSeedContext);
}

const subscribeNever = () => () => undefined;

/**
 * False while the server renders and while the browser hydrates that markup, true from then on
 * (and at once in a page rendered in the browser alone). Text in the viewer's own time zone
 * waits for it: the server cannot know that zone. A button that needs the app is disabled until
 * it: a click between the first paint and the app taking over would do nothing and say nothing.
 */
export function useIsClient(): boolean {
  return useSyncExternalStore(
    subscribeNever,
    () => true,
    () => false,
  );
}
