import type { IncomingMessage, ServerResponse } from 'node:http';
import { isPauseStatus } from '../../src/core/upstream.ts';
import { chooseEncoding, sharedBodyOf } from '../http/encoded.ts';
import { localAnswer, type Answer, type Outcome } from './answer.ts';
import type { Proxy } from './proxy.ts';
import { parseRequest } from './request-target.ts';

export type Next = (error?: unknown) => void;

/** Sends an answer; a large one (the pool list) compressed once for every viewer of it. */
async function send(req: IncomingMessage, res: ServerResponse, answer: Answer, outcome: Outcome) {
  res.statusCode = answer.status;
  res.setHeader('content-type', 'application/json; charset=utf-8');
  res.setHeader('cache-control', 'no-store');
  res.setHeader('x-cache', outcome);
  res.setHeader('x-fetched-at', String(answer.fetchedAt));
  if (answer.demo) res.setHeader('x-demo-data', '1');
  if (answer.error) res.setHeader('x-proxy-error', answer.error);
  if (isPauseStatus(answer.status)) res.setHeader('retry-after', String(answer.retryAfterS ?? 1));
  const { body, encoding } = await sharedBodyOf(answer, answer.body).encoded(
    chooseEncoding(req.headers['accept-encoding']),
  );
  if (encoding !== 'identity') res.setHeader('content-encoding', encoding);
  res.setHeader('vary', 'Accept-Encoding');
  res.setHeader('content-length', body.length);
  res.end(body);
}

/** The proxy as a Connect middleware: the forwarded paths are answered, the rest passes on. */
export function createProxyRoute(proxy: Proxy) {
  return function proxyRoute(req: IncomingMessage, res: ServerResponse, next: Next) {
    const parsed = parseRequest(req.method, req.url);
    if (parsed.kind === 'other') {
      next();
      return;
    }
    if (parsed.kind === 'refused') {
      if (parsed.allow) res.setHeader('allow', parsed.allow);
      const answer = localAnswer(parsed.status, parsed.code, parsed.msg, 'refused', Date.now());
      send(req, res, answer, 'LOCAL').catch(next);
      return;
    }
    proxy
      .obtain(parsed.target)
      .then(({ answer, outcome }) => send(req, res, answer, outcome))
      .catch(next);
  };
}
