import {
  createElement,
  useEffect,
  useSyncExternalStore,
  type ComponentType,
  type ReactNode,
} from 'react';

export interface ViewChunk<P extends object> {
  /** Holds the view from the start (the server's bundle, which renders every view). */
  register(component: ComponentType<P>): void;
  /** Fetches the view's chunk once; a failure is forgotten, so a later call tries again. */
  load(): Promise<void>;
  /** The view once its chunk is in, `fallback` until then; it is fetched when first shown. */
  View(props: P & { fallback?: ReactNode }): ReactNode;
}

/**
 * A view that travels in a chunk of its own, off the page's entry: fetched before the first
 * render of a page that opens on it (app/start.tsx), or when a page turns into it. The server
 * registers it from the start, so it renders the view as it renders any other.
 */
export function viewChunk<P extends object>(
  fetchChunk: () => Promise<ComponentType<P>>,
): ViewChunk<P> {
  let component: ComponentType<P> | undefined;
  let loading: Promise<void> | undefined;
  const listeners = new Set<() => void>();

  function register(c: ComponentType<P>) {
    component = c;
    for (const l of listeners) l();
  }
  function load(): Promise<void> {
    if (component) return Promise.resolve();
    loading ??= fetchChunk()
      .then(register)
      .catch(() => undefined)
      .finally(() => (loading = undefined));
    return loading;
  }
  function subscribe(listener: () => void) {
    listeners.add(listener);
    return () => listeners.delete(listener);
  }
  function View({ fallback = null, ...props }: P & { fallback?: ReactNode }) {
    const shown = useSyncExternalStore(
      subscribe,
      () => component,
      () => component,
    );
    useEffect(() => {
      if (!shown) void load();
    }, [shown]);
    // The component is one for the page's life: registered once, never made during a render.
    return shown ? createElement(shown, props as unknown as P) : fallback;
  }
  return { register, load, View };
}
