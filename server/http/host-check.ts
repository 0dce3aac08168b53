import type { IncomingMessage, ServerResponse } from 'node:http';
import { isIP } from 'node:net';

/**
 * Whether a request's `Host` is one this server answers: localhost, an IP address, or a name
 * listed in `FAPI_ALLOWED_HOSTS` (`.example.lan` allows every name under it). Refusing every
 * other name keeps a page on another site from reaching the server through DNS rebinding.
 */
export function isAllowedHost(host: string | undefined, allowed: readonly string[]): boolean {
  if (!host) return false;
  const name = host.startsWith('[')
    ? host.slice(1, host.indexOf(']'))
    : (host.split(':')[0] ?? '').toLowerCase();
  if (isIP(name) !== 0) return true;
  if (name === 'localhost' || name.endsWith('.localhost')) return true;
  return allowed.some((entry) =>
    entry.startsWith('.') ? name === entry.slice(1) || name.endsWith(entry) : name === entry,
  );
}

/** Refuses an unknown `Host` with 403 in words; the security headers are already on the answer. */
export function hostCheck(allowed: readonly string[]) {
  return (req: IncomingMessage, res: ServerResponse, next: () => void) => {
    if (isAllowedHost(req.headers.host, allowed)) return next();
    res.statusCode = 403;
    res.setHeader('content-type', 'text/plain; charset=utf-8');
    res.setHeader('cache-control', 'no-store');
    res.end(
      `This server does not answer to the name ${JSON.stringify(req.headers.host ?? '')}. ` +
        'Open it by IP address or localhost, or list the name in FAPI_ALLOWED_HOSTS.\n',
    );
  };
}
