import type { IncomingMessage, ServerResponse } from 'node:http';
import sirv from 'sirv';
import type { Middleware } from './chain.ts';

/** Hashed build assets never change under their name; everything else is asked for again. */
export const IMMUTABLE = 'public, max-age=31536000, immutable';

/**
 * The build's files, served by sirv (a small, maintained static server, the one Vite's own preview
 * uses): precompressed `.br`/`.gz` twins chosen by `Accept-Encoding`, ETags, ranges, no directory
 * listing, no dotfiles. Hashed assets are cached for a year; `index.html` never; source maps are
 * never served, whatever the build left beside the scripts.
 */
export function staticFiles(dir: string): Middleware {
  const serve = sirv(dir, {
    etag: true,
    brotli: true,
    gzip: true,
    dotfiles: false,
    setHeaders(res, pathname) {
      res.setHeader(
        'cache-control',
        pathname.startsWith('/assets/')
          ? IMMUTABLE
          : pathname.endsWith('.html') || pathname === '/'
            ? 'no-store'
            : 'no-cache',
      );
    },
  });
  return (req: IncomingMessage, res: ServerResponse, next) => {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    if (/\.map$/i.test(path) || /\.(br|gz)$/i.test(path)) return next();
    serve(req, res, () => next());
  };
}

/** What is left: a JSON 404 under `/api/`, a page in words elsewhere. */
export function notFound(req: IncomingMessage, res: ServerResponse) {
  res.statusCode = 404;
  res.setHeader('cache-control', 'no-store');
  if ((req.url ?? '').startsWith('/api/')) {
    res.setHeader('content-type', 'application/json; charset=utf-8');
    res.end(JSON.stringify({ code: -1, msg: 'There is no such API path.' }));
    return;
  }
  res.setHeader('content-type', 'text/plain; charset=utf-8');
  res.end('Not found. The dashboard is at /.\n');
}
