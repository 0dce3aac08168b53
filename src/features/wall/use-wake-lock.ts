import { useEffect, useState } from 'react';

/** `held`: the screen stays on; `waiting`: asked for, or lost and to be asked again; `unavailable`: no API. */
export type WakeLockState = 'held' | 'waiting' | 'unavailable';

/** A refused request (power saving, a hidden tab) is asked again this often while the page shows. */
export const WAKE_LOCK_RETRY_MS = 60_000;

/**
 * Keeps the screen on with the Screen Wake Lock API where the browser has it. The browser drops
 * the lock whenever the page is hidden; it is asked for again when the page shows, when it is
 * released for any other reason, and on a slow timer after a refusal.
 */
export function useWakeLock(): WakeLockState {
  const supported = typeof navigator !== 'undefined' && 'wakeLock' in navigator;
  const [state, setState] = useState<WakeLockState>(supported ? 'waiting' : 'unavailable');

  useEffect(() => {
    if (!supported) return undefined;
    const wakeLock = navigator.wakeLock;
    let sentinel: WakeLockSentinel | undefined;
    let asking = false;
    let disposed = false;

    const onRelease = () => {
      sentinel = undefined;
      if (disposed) return;
      setState('waiting');
      void acquire();
    };

    async function acquire() {
      if (disposed || asking || sentinel || document.visibilityState !== 'visible') return;
      asking = true;
      try {
        const lock = await wakeLock.request('screen');
        if (disposed) {
          await lock.release();
          return;
        }
        sentinel = lock;
        lock.addEventListener('release', onRelease, { once: true });
        setState('held');
      } catch {
        // Refused for now (power saving, permissions policy, page hidden): asked again later.
        if (!disposed) setState('waiting');
      } finally {
        asking = false;
      }
    }

    const onVisibility = () => void acquire();
    document.addEventListener('visibilitychange', onVisibility);
    const timer = setInterval(() => void acquire(), WAKE_LOCK_RETRY_MS);
    void acquire();

    return () => {
      disposed = true;
      clearInterval(timer);
      document.removeEventListener('visibilitychange', onVisibility);
      const lock = sentinel;
      sentinel = undefined;
      if (lock) {
        lock.removeEventListener('release', onRelease);
        lock.release().catch(() => undefined);
      }
    };
  }, [supported]);

  return state;
}
