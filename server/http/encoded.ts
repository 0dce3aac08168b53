import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

export type Encoding = 'br' | 'gzip' | 'identity';

const brotli = promisify(brotliCompress);
const gzipped = promisify(gzip);

/** Bodies smaller than this go out as they are: compressing them gains nothing. */
export const COMPRESS_FROM_BYTES = 1024;

const GZIP = { level: 6 };

/**
 * Brotli's settings for a body of `bytes`: `quality` (6 for pages and answers), and a window just
 * large enough to hold the whole body rather than brotli's default of 4 MB. The output is the same (nothing lies further
 * back than the body's own start), but the scratch memory one compression allocates is not: for
 * a page of 150 kB, 11 MB with the default window, 3.9 MB with a window of 256 kB (heaptrack's
 * peak, less Node's own). Those allocations are made in libuv's threads, one glibc malloc arena
 * each; under steady load each of the four arenas kept about 11 MB, one compression's worth, and
 * the server's RSS rose with them.
 */
export function brotliFor(bytes: number, quality = 6) {
  const window = Math.min(
    constants.BROTLI_DEFAULT_WINDOW,
    Math.max(constants.BROTLI_MIN_WINDOW_BITS, Math.ceil(Math.log2(bytes + 1))),
  );
  return {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: quality,
      [constants.BROTLI_PARAM_LGWIN]: window,
      [constants.BROTLI_PARAM_SIZE_HINT]: bytes,
    },
  };
}

/** `br`, else `gzip`, else none, as the request's `Accept-Encoding` allows. */
export function chooseEncoding(header: string | undefined): Encoding {
  if (!header) return 'identity';
  const offered = new Map<string, number>();
  for (const part of header.toLowerCase().split(',')) {
    const [name = '', ...params] = part.trim().split(';');
    const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find(Boolean);
    offered.set(name.trim(), q === undefined ? 1 : Number(q));
  }
  const ok = (name: string) => (offered.get(name) ?? offered.get('*') ?? 0) > 0;
  if (ok('br')) return 'br';
  if (ok('gzip')) return 'gzip';
  return 'identity';
}

/** A body that many viewers get: its bytes, and each compressed form made once, off the main thread. */
export interface SharedBody {
  bytes: Buffer;
  encoded(encoding: Encoding): Promise<{ body: Buffer; encoding: Encoding }>;
}

export function sharedBody(text: string): SharedBody {
  const bytes = Buffer.from(text, 'utf8');
  const forms = new Map<Encoding, Promise<Buffer>>();
  return {
    bytes,
    async encoded(encoding) {
      if (encoding === 'identity' || bytes.length < COMPRESS_FROM_BYTES)
        return { body: bytes, encoding: 'identity' };
      let form = forms.get(encoding);
      if (!form) {
        form = encoding === 'br' ? brotli(bytes, brotliFor(bytes.length)) : gzipped(bytes, GZIP);
        forms.set(encoding, form);
      }
      return { body: await form, encoding };
    },
  };
}

const byOwner = new WeakMap<object, SharedBody>();

/** The shared body of `owner` (an answer held by a cache), made on first use and let go with it. */
export function sharedBodyOf(owner: object, text: string): SharedBody {
  let body = byOwner.get(owner);
  if (!body) byOwner.set(owner, (body = sharedBody(text)));
  return body;
}
