import type { MouseEvent } from 'react';
import { withParams } from './url-state';
import type { Navigate } from './use-url-state';

/**
 * The link to a symbol's view, keeping every other parameter of the current one but the list's
 * filter. On the server, which renders no history, it is relative to the page.
 */
export function poolHref(symbol: string): string {
  if (typeof window === 'undefined') return withParams('', { symbol });
  const search = withParams(window.location.search, { symbol, filter: undefined });
  return `${window.location.pathname}${search}`;
}

/**
 * A plain click opens the pool in place with a new history entry, so Back returns to where it
 * was clicked; a click with a modifier (new tab, new window) is left to the browser.
 */
export function followPoolLink(event: MouseEvent, symbol: string, navigate: Navigate): void {
  if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey)
    return;
  event.preventDefault();
  openPool(symbol, navigate);
}

/** Opens a symbol's view as a new history entry, at the top of the page where it appears. */
export function openPool(symbol: string, navigate: Navigate): void {
  navigate({ symbol, filter: undefined }, 'push');
  window.scrollTo({ top: 0 });
}
