import type { IncomingMessage, ServerResponse } from 'node:http';

/** How the history's API answers on the wire, in whichever thread sends it. */

export const JSON_HEADERS = {
  'content-type': 'application/json; charset=utf-8',
  'cache-control': 'no-store',
};

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
) {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    ...JSON_HEADERS,
    'content-length': Buffer.byteLength(text),
    ...headers,
  });
  res.end(text);
}

/** Only GET (and HEAD) is answered on the history's paths. */
export function refuseMethod(req: IncomingMessage, res: ServerResponse): boolean {
  if (req.method === 'GET' || req.method === 'HEAD') return false;
  res.setHeader('allow', 'GET, HEAD');
  sendJson(res, 405, { code: 405, msg: 'only GET is answered here' });
  return true;
}
