import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import {
  createMarket,
  formatUnits,
  seededRandom,
  stepMarket,
  type DemoPool,
  type MarketOptions,
} from './market.ts';
import {
  ADL_RISK_PATH,
  ASSET_INDEX_PATH,
  FORWARDED_PATHS,
  INSURANCE_BALANCE_PATH,
} from '../../src/core/upstream.ts';
import { demoAdlAnswer } from './adl.ts';
import { demoIndexAnswer } from './asset-index.ts';

/** The real host's failure modes, switched on with `POST /__demo/fault`. */
export const FAULTS = [
  'none',
  'status-500',
  'html-502',
  'truncated',
  'wrong-type',
  'missing-field',
  'extra-fields',
  'rate-limit',
  'ban',
  'hang',
  'reset',
  /** 404, as an upstream answers a path it does not have (an older host, a mirror without it). */
  'not-found',
] as const;
export type Fault = (typeof FAULTS)[number];

export interface DemoUpstreamOptions extends MarketOptions {
  port?: number;
  host?: string;
  /** Balances move once per step. */
  stepMs?: number;
  /** Start from this market state (e.g. the end of the generated demo history) instead of a new one. */
  market?: DemoPool[];
}

interface FaultState {
  mode: Fault;
  retryAfter: number;
  /** How many more requests of each path get the fault; `Infinity` until switched off. */
  remaining: Record<string, number>;
}

/** Where a fault strikes: one path, or `all` of them, each for its own count of requests. */
export type FaultPath = (typeof FORWARDED_PATHS)[number] | 'all';

/**
 * A fault for `count` requests of `path`. Without one it strikes the pool list, as it did before
 * the asset index was served: a one-shot 429 meant for the pool list is never taken by an index
 * request, nor left waiting to strike the index later.
 */
function faultOf(
  mode: Fault,
  retryAfter: number,
  count: number,
  path: FaultPath = INSURANCE_BALANCE_PATH,
): FaultState {
  const hits = (p: string) => mode !== 'none' && (path === 'all' || path === p);
  const remaining = Object.fromEntries(FORWARDED_PATHS.map((p) => [p, hits(p) ? count : 0]));
  return { mode, retryAfter, remaining };
}

function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
) {
  res.writeHead(status, { 'content-type': 'application/json', 'x-demo-data': '1', ...headers });
  res.end(typeof body === 'string' ? body : JSON.stringify(body));
}

async function readBody(req: IncomingMessage): Promise<string> {
  let text = '';
  for await (const chunk of req) {
    text += String(chunk);
    if (text.length > 10_000) break;
  }
  return text;
}

export async function startDemoUpstream(options: DemoUpstreamOptions = {}) {
  const stepMs = options.stepMs ?? 5_000;
  const pools = options.market ?? createMarket(options);
  const random = seededRandom((options.seed ?? 1) ^ 0x5eed);
  const sockets = new Set<Socket>();
  let lastStep = Math.floor(Date.now() / stepMs) * stepMs;
  let fault = faultOf('none', 5, 0);
  /** `requests` counts the pool list's, `indexRequests` the asset index's, `adlRequests` the ratings'. */
  const stats = { requests: 0, indexRequests: 0, adlRequests: 0, lastRequestAt: 0 };

  function advance() {
    const due = Math.floor(Date.now() / stepMs) * stepMs;
    const steps = Math.min((due - lastStep) / stepMs, 50);
    for (let i = 0; i < steps; i += 1) stepMarket(pools, random);
    lastStep = due;
  }

  function poolJson(index: number, mode: Fault) {
    const pool = pools[index]!;
    return {
      symbols: pool.symbols,
      assets: pool.assets.map((a) => {
        const entry: Record<string, unknown> = {
          asset: a.asset,
          marginBalance: formatUnits(a.units, a.decimals),
          updateTime: pool.frozenAt ?? lastStep,
        };
        if (mode === 'wrong-type') entry.marginBalance = Number(entry.marginBalance);
        if (mode === 'missing-field') delete entry.updateTime;
        if (mode === 'extra-fields') entry.walletBalance = entry.marginBalance;
        return entry;
      }),
      ...(mode === 'extra-fields' ? { poolId: index, tier: 'demo' } : {}),
    };
  }

  function answer(req: IncomingMessage, res: ServerResponse, url: URL) {
    const isIndex = url.pathname === ASSET_INDEX_PATH;
    const isAdl = url.pathname === ADL_RISK_PATH;
    if (isIndex) stats.indexRequests += 1;
    else if (isAdl) stats.adlRequests += 1;
    else stats.requests += 1;
    stats.lastRequestAt = Date.now();
    const left = fault.remaining[url.pathname] ?? 0;
    const mode = left > 0 ? fault.mode : 'none';
    if (left > 0) fault.remaining[url.pathname] = left - 1;
    const retryAfter = { 'retry-after': String(fault.retryAfter) };
    switch (mode) {
      case 'status-500':
        return sendJson(res, 500, {
          code: -1000,
          msg: 'An unknown error occurred while processing the request.',
        });
      case 'html-502':
        res.writeHead(502, { 'content-type': 'text/html' });
        return res.end(
          '<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center></body></html>',
        );
      case 'rate-limit':
        return sendJson(
          res,
          429,
          {
            code: -1003,
            msg: 'Too many requests; current limit of IP(127.0.0.1) is 2400 requests per minute. Please use the websocket for live updates to avoid polling the API.',
          },
          retryAfter,
        );
      case 'ban':
        return sendJson(
          res,
          418,
          {
            code: -1003,
            msg: `Way too many requests; IP(127.0.0.1) banned until ${Date.now() + fault.retryAfter * 1000}. Please use the websocket for live updates to avoid bans.`,
          },
          retryAfter,
        );
      case 'not-found':
        return sendJson(res, 404, { code: -5, msg: 'Not found.' });
      case 'hang':
        return undefined;
      case 'reset':
        req.socket.destroy();
        return undefined;
      default:
        break;
    }
    advance();
    const symbol = url.searchParams.get('symbol');
    let body: unknown;
    if (isIndex) {
      body = demoIndexAnswer(symbol, lastStep, mode, stepMs);
      if (body === undefined) return sendJson(res, 400, { code: -1121, msg: 'Invalid symbol.' });
    } else if (isAdl) {
      body = demoAdlAnswer(
        pools.flatMap((p) => p.symbols),
        Date.now(),
        symbol,
      );
      if (body === undefined) return sendJson(res, 400, { code: -1121, msg: 'Invalid symbol.' });
    } else if (symbol === null) body = pools.map((_, i) => poolJson(i, mode));
    else {
      const index = pools.findIndex((p) => p.symbols.includes(symbol));
      if (index === -1) return sendJson(res, 400, { code: -1121, msg: 'Invalid symbol.' });
      body = poolJson(index, mode);
    }
    const text = JSON.stringify(body);
    return sendJson(
      res,
      200,
      mode === 'truncated' ? text.slice(0, Math.floor(text.length / 2)) : text,
    );
  }

  async function control(req: IncomingMessage, res: ServerResponse, url: URL) {
    if (url.pathname === '/__demo/stats') return sendJson(res, 200, stats);
    if (url.pathname === '/__demo/fault' && req.method === 'POST') {
      let input: { mode?: unknown; retryAfter?: unknown; count?: unknown; path?: unknown };
      try {
        input = JSON.parse(await readBody(req)) as typeof input;
      } catch {
        return sendJson(res, 400, { msg: 'body must be JSON' });
      }
      const mode = FAULTS.find((f) => f === input.mode);
      if (!mode) return sendJson(res, 400, { msg: `mode must be one of ${FAULTS.join(', ')}` });
      const path = [...FORWARDED_PATHS, 'all' as const].find((p) => p === input.path);
      if (input.path !== undefined && !path)
        return sendJson(res, 400, {
          msg: `path must be one of ${FORWARDED_PATHS.join(', ')} or all`,
        });
      const retryAfter = typeof input.retryAfter === 'number' ? input.retryAfter : 5;
      const count = mode === 'none' ? 0 : typeof input.count === 'number' ? input.count : Infinity;
      fault = faultOf(mode, retryAfter, count, path);
      return sendJson(res, 200, { mode, retryAfter, count, ...(path ? { path } : {}) });
    }
    return sendJson(res, 404, { msg: 'unknown control' });
  }

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://demo.invalid');
    if (url.pathname.startsWith('/__demo/')) {
      control(req, res, url).catch(() => sendJson(res, 500, { msg: 'control failed' }));
      return;
    }
    if (!FORWARDED_PATHS.some((p) => p === url.pathname) || req.method !== 'GET') {
      sendJson(res, 404, { code: -5, msg: 'Not found.' });
      return;
    }
    answer(req, res, url);
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://${options.host ?? '127.0.0.1'}:${port}`,
    port,
    stats,
    /** `path` (the pool list unless given, or `all`) gets the fault for `count` requests. */
    setFault(mode: Fault, retryAfter = 5, count = Infinity, path?: FaultPath) {
      fault = faultOf(mode, retryAfter, count, path);
    },
    close(): Promise<void> {
      for (const socket of sockets) socket.destroy();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

export type DemoUpstream = Awaited<ReturnType<typeof startDemoUpstream>>;
