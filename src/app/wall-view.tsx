import { createElement, useEffect, useSyncExternalStore, type ComponentType } from 'react';
import type { UrlState } from '../lib/url-state';

type WallComponent = ComponentType<{ url: UrlState }>;

/**
 * The wall, a view of its own that a dashboard never shows: its code comes as a chunk of its own,
 * fetched before the first render of a wall (app/start.tsx), or when a page turns into one. The
 * server holds it from the start (`registerWall`), so it renders a wall as it renders a dashboard.
 */
let wall: WallComponent | undefined;
let loading: Promise<void> | undefined;
const listeners = new Set<() => void>();

export function registerWall(component: WallComponent): void {
  wall = component;
  for (const l of listeners) l();
}

/** Fetches the wall's chunk once; a failure is forgotten, so a later call tries again. */
export function loadWall(): Promise<void> {
  if (wall) return Promise.resolve();
  loading ??= import('../features/wall/wall')
    .then((m) => registerWall(m.Wall))
    .catch(() => undefined)
    .finally(() => (loading = undefined));
  return loading;
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The wall, once its chunk is in (nothing until then; it is fetched when first shown). */
export function WallView({ url }: { url: UrlState }) {
  const component = useSyncExternalStore(
    subscribe,
    () => wall,
    () => wall,
  );
  useEffect(() => {
    if (!component) void loadWall();
  }, [component]);
  // The component is one for the page's life: registered once, never made during a render.
  return component ? createElement(component, { url }) : null;
}
