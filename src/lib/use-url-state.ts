import { useCallback, useMemo, useSyncExternalStore } from 'react';
import { useRenderSeed } from './render-seed';
import { parseUrlState, withParams, type UrlPatch, type UrlState } from './url-state';

const CHANGE = 'urlstatechange';

function subscribe(onChange: () => void) {
  window.addEventListener('popstate', onChange);
  window.addEventListener(CHANGE, onChange);
  return () => {
    window.removeEventListener('popstate', onChange);
    window.removeEventListener(CHANGE, onChange);
  };
}

const getSearch = () => window.location.search;

export interface Navigate {
  /** `push`: a new history entry, so Back returns here (a search); `replace`: adjust this entry (sort, filter). */
  (patch: UrlPatch, mode: 'push' | 'replace'): void;
}

/** The link's state, kept in the address bar, with Back and Forward. */
export function useUrlState(): [UrlState, Navigate] {
  const seed = useRenderSeed();
  // A page rendered on the server is hydrated with the address the server saw.
  const search = useSyncExternalStore(subscribe, getSearch, () => seed?.search ?? '');
  const state = useMemo(() => parseUrlState(search), [search]);
  const navigate = useCallback<Navigate>((patch, mode) => {
    const next = withParams(window.location.search, patch);
    const url = `${window.location.pathname}${next}${window.location.hash}`;
    if (mode === 'push') window.history.pushState(null, '', url);
    else window.history.replaceState(null, '', url);
    window.dispatchEvent(new Event(CHANGE));
  }, []);
  return [state, navigate];
}
