import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Next } from './http/chain.ts';
import type { Proxy } from './proxy/proxy.ts';

/** What a part of the server says of itself in `/api/health`; `degraded` makes the whole degraded. */
export interface PartStatus {
  state: 'ok' | 'degraded' | 'off';
  [detail: string]: unknown;
}

function memoryMb() {
  const m = process.memoryUsage();
  const mb = (bytes: number) => Math.round(bytes / 10_000) / 100;
  return { rssMb: mb(m.rss), heapUsedMb: mb(m.heapUsed), externalMb: mb(m.external) };
}

/**
 * `GET /api/health`: 200 whenever the server itself answers (a load balancer keeps it), with
 * `status: "ok"` or `"degraded"` and why: the upstream's state and its last good answer, and the
 * history's recorder and store.
 */
export function createHealthRoute(parts: {
  proxy: Proxy;
  history?: () => PartStatus;
  demo: boolean;
  startedAt: number;
}) {
  return (req: IncomingMessage, res: ServerResponse, next: Next) => {
    if ((req.url ?? '').split('?')[0] !== '/api/health') return next();
    const upstream = parts.proxy.status();
    const history = parts.history?.() ?? { state: 'off' as const };
    const upstreamOk = upstream.poolList.state === 'ok' || upstream.poolList.state === 'unknown';
    const status = upstreamOk && history.state !== 'degraded' ? 'ok' : 'degraded';
    res.statusCode = 200;
    res.setHeader('content-type', 'application/json; charset=utf-8');
    res.setHeader('cache-control', 'no-store');
    res.end(
      JSON.stringify({
        status,
        demo: parts.demo,
        startedAt: parts.startedAt,
        upstream,
        history,
        memory: memoryMb(),
      }),
    );
  };
}
