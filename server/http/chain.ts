import type { IncomingMessage, ServerResponse } from 'node:http';

export type Next = (error?: unknown) => void;
export type Middleware = (req: IncomingMessage, res: ServerResponse, next: Next) => void;

/**
 * Connect-style middlewares run in order, the same parts Vite's dev server mounts. An error
 * passed on, or thrown, becomes a JSON 500 in words (never an empty answer) and one log line.
 */
export function chain(
  middlewares: readonly Middleware[],
  last: (req: IncomingMessage, res: ServerResponse) => void,
  log: (line: string) => void = console.error,
) {
  function fail(res: ServerResponse, error: unknown) {
    log(
      `request failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
    );
    if (res.headersSent) {
      res.destroy();
      return;
    }
    res.statusCode = 500;
    res.setHeader('content-type', 'application/json; charset=utf-8');
    res.setHeader('cache-control', 'no-store');
    res.end(JSON.stringify({ code: -1, msg: 'The server failed to answer this request.' }));
  }
  return (req: IncomingMessage, res: ServerResponse) => {
    let index = 0;
    const next: Next = (error) => {
      if (error !== undefined) return fail(res, error);
      const middleware = middlewares[index];
      index += 1;
      if (!middleware) return last(req, res);
      try {
        middleware(req, res, next);
      } catch (thrown) {
        fail(res, thrown);
      }
    };
    next();
  };
}
