import { useSyncExternalStore } from 'react';
import { useRenderSeed } from './render-seed';

/** One shared ticking clock for every "x s ago" and countdown on the page, so none drifts apart. */
const listeners = new Set<() => void>();
let now = Date.now();
let timer: ReturnType<typeof setInterval> | undefined;

function subscribe(listener: () => void) {
  listeners.add(listener);
  if (timer === undefined) {
    now = Date.now();
    timer = setInterval(() => {
      now = Date.now();
      for (const l of listeners) l();
    }, 1000);
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && timer !== undefined) {
      clearInterval(timer);
      timer = undefined;
    }
  };
}

export function useNow(): number {
  const seed = useRenderSeed();
  // A page rendered on the server is hydrated at the time it was rendered, then ticks on.
  return useSyncExternalStore(
    subscribe,
    () => now,
    () => seed?.now ?? now,
  );
}
