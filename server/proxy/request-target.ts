import { normalizeSymbol } from '../../src/core/symbol.ts';
import { FORWARDED_PATHS, type ForwardedPath } from '../../src/core/upstream.ts';
import type { Target } from './proxy.ts';

/** What a request to this server asks of the upstream, or why it is refused here. */
export type Parsed =
  | { kind: 'target'; target: Target }
  | { kind: 'refused'; status: number; code: number; msg: string; allow?: string }
  | { kind: 'other' };

/** Decodes repeatedly, so `%252F` cannot slip past a check as `%2F`. */
function fullyDecoded(path: string): string {
  let current = path;
  for (let i = 0; i < 5; i += 1) {
    let next: string;
    try {
      next = decodeURIComponent(current);
    } catch {
      return current;
    }
    if (next === current) return current;
    current = next;
  }
  return current;
}

const ONLY = `Only GET ${FORWARDED_PATHS.join(' and GET ')} are served here.`;

/**
 * Reads a request's method and target. Exactly the forwarded paths, spelled exactly, pass, with
 * nothing but a checked `symbol`; any other spelling of an API path is refused here, so it can
 * never fall through to something that forwards it, nor get the page's HTML.
 */
export function parseRequest(method: string | undefined, rawUrl: string | undefined): Parsed {
  const raw = rawUrl ?? '/';
  const queryAt = raw.indexOf('?');
  const path = queryAt === -1 ? raw : raw.slice(0, queryAt);
  const forwarded = FORWARDED_PATHS.find((p) => p === path) as ForwardedPath | undefined;
  if (!forwarded) {
    if (/\/+fapi(\/|$)/i.test(fullyDecoded(path).replace(/\\/g, '/')))
      return { kind: 'refused', status: 404, code: -1, msg: ONLY };
    return { kind: 'other' };
  }
  if (method !== 'GET') return { kind: 'refused', status: 405, code: -1, msg: ONLY, allow: 'GET' };
  const params = new URLSearchParams(queryAt === -1 ? '' : raw.slice(queryAt + 1));
  const symbols = params.getAll('symbol');
  if (symbols.length > 1)
    return {
      kind: 'refused',
      status: 400,
      code: -1101,
      msg: "Duplicate values for parameter 'symbol'.",
    };
  const [symbol] = symbols;
  if (symbol === undefined) return { kind: 'target', target: { path: forwarded } };
  const check = normalizeSymbol(symbol);
  if (!check.ok) return { kind: 'refused', status: 400, code: -1121, msg: 'Invalid symbol.' };
  return { kind: 'target', target: { path: forwarded, symbol: check.symbol } };
}
