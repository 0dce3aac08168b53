import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Plugin } from 'vite';

/**
 * The built app loads only its own files: no inline script, no other origin, no framing.
 * Styles are external too; React writes `style` props through the CSSOM, which CSP allows.
 */
const BUILT_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  // The search form asks for `/?symbol=` on this origin when the app is not there to take it.
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * The dev server injects an inline React refresh preamble and `<style>` elements for hot
 * reload, so scripts cannot be restricted there; everything that does not break it still applies.
 */
const DEV_CSP = ["object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'"].join('; ');

export type Served = 'built' | 'dev';

export function securityHeaders(served: Served): Record<string, string> {
  return {
    'content-security-policy': served === 'built' ? BUILT_CSP : DEV_CSP,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'x-frame-options': 'DENY',
    'cross-origin-opener-policy': 'same-origin',
    'cross-origin-resource-policy': 'same-origin',
    'permissions-policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
  };
}

export function securityHeadersMiddleware(served: Served) {
  const headers = Object.entries(securityHeaders(served));
  return (_req: IncomingMessage, res: ServerResponse, next: () => void) => {
    for (const [name, value] of headers) res.setHeader(name, value);
    next();
  };
}

const HOST_NAME = /^\.?[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*$/i;

/**
 * `FAPI_ALLOWED_HOSTS`: host names, besides localhost and IP addresses, that this server answers
 * to, separated by commas or spaces; `.example.lan` allows every name under it. There is no
 * wildcard for every host: a request for any other name is refused with 403, which keeps a
 * page on another site from reaching this server through DNS rebinding.
 */
export function allowedHostsFrom(value: string | undefined): string[] {
  if (value === undefined) return [];
  const hosts: string[] = [];
  for (const entry of value.split(/[\s,]+/).filter(Boolean)) {
    if (HOST_NAME.test(entry)) hosts.push(entry.toLowerCase());
    else
      console.warn(
        `FAPI_ALLOWED_HOSTS: ${JSON.stringify(entry)} is not a host name (such as wall.example.lan or .example.lan); ignored.`,
      );
  }
  return hosts;
}

/**
 * Security headers on every answer of the dev and preview servers (pages, files and the
 * proxy's JSON alike), the host check from `FAPI_ALLOWED_HOSTS`, and no CORS: only the app's
 * own pages read from this server.
 */
export function securityHeadersPlugin(): Plugin {
  return {
    name: 'security-headers',
    config() {
      const allowedHosts = allowedHostsFrom(process.env.FAPI_ALLOWED_HOSTS);
      return {
        server: { allowedHosts, cors: false },
        preview: { allowedHosts, cors: false },
      };
    },
    configureServer(server) {
      server.middlewares.use(securityHeadersMiddleware('dev'));
    },
    configurePreviewServer(server) {
      server.middlewares.use(securityHeadersMiddleware('built'));
    },
  };
}
