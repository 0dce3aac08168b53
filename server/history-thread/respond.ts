import { brotliCompressSync, gzipSync } from 'node:zlib';
import { brotliFor } from '../http/encoded.ts';
import { JSON_HEADERS } from '../history/json-reply.ts';
import type { HistoryAnswer } from '../history/routes.ts';

/** Answers smaller than this go as they are. */
const MIN_COMPRESSED = 1024;

/** The encoding to send given an `Accept-Encoding`: brotli, else gzip, else none. */
export function encodingFor(accepted: string): 'br' | 'gzip' | null {
  const allowed = new Set<string>();
  for (const part of accepted.toLowerCase().split(',')) {
    const [name = '', ...params] = part.split(';').map((s) => s.trim());
    const q = params.find((p) => p.startsWith('q='));
    if (!q || Number(q.slice(2)) > 0) allowed.add(name);
  }
  if (allowed.has('br')) return 'br';
  if (allowed.has('gzip')) return 'gzip';
  return null;
}

/**
 * An answer as it goes on the wire: the JSON text, compressed here (in the history's thread)
 * when the client takes it, so the main thread only copies bytes to the socket.
 */
export function encodeAnswer(answer: HistoryAnswer, accepted: string) {
  const text = new TextEncoder().encode(JSON.stringify(answer.body));
  const headers: Record<string, string> = { ...JSON_HEADERS, vary: 'Accept-Encoding' };
  const encoding = text.byteLength >= MIN_COMPRESSED ? encodingFor(accepted) : null;
  let body: Uint8Array = text;
  // The window fitted to the answer, as for pages: the same bytes with less scratch memory.
  if (encoding === 'br') body = brotliCompressSync(text, brotliFor(text.byteLength, 5));
  else if (encoding === 'gzip') body = gzipSync(text);
  if (encoding) headers['content-encoding'] = encoding;
  headers['content-length'] = String(body.byteLength);
  return { status: answer.status, headers, body };
}
