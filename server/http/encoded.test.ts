import { brotliDecompressSync, constants, gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { brotliFor, COMPRESS_FROM_BYTES, sharedBody } from './encoded.ts';

/** A page-like text of about `bytes` bytes, varied enough that it does not shrink to nothing. */
function pageOf(bytes: number): string {
  const rows: string[] = [];
  for (let i = 0, size = 0; size < bytes; i += 1) {
    const row = `<tr data-pool="${i}"><td>POOL${i}USDT</td><td>${(i * 7919) % 100003}.${i % 97}</td></tr>`;
    rows.push(row);
    size += row.length;
  }
  return rows.join('\n');
}

const decode = { br: brotliDecompressSync, gzip: gunzipSync };

describe('a body many viewers get', () => {
  for (const size of [5_000, 150_000, 1_200_000])
    it(`comes back as sent from each compressed form of ${size} bytes, each form made once`, async () => {
      const text = pageOf(size);
      const body = sharedBody(text);
      for (const encoding of ['br', 'gzip'] as const) {
        const first = await body.encoded(encoding);
        expect(first.encoding).toBe(encoding);
        expect(first.body.length).toBeLessThan(body.bytes.length / 2);
        expect(decode[encoding](first.body).toString('utf8')).toBe(text);
        // Asked again (another viewer): the same bytes, not a second compression.
        expect((await body.encoded(encoding)).body).toBe(first.body);
      }
      expect((await body.encoded('identity')).body).toBe(body.bytes);
    });

  it("is brotli-compressed with a window that holds the whole body, up to brotli's default", () => {
    const windowOf = (bytes: number) => brotliFor(bytes).params[constants.BROTLI_PARAM_LGWIN] ?? 0;
    for (const bytes of [1_024, 60_000, 150_000, 1_000_000, 4_000_000])
      expect(2 ** windowOf(bytes)).toBeGreaterThan(bytes);
    // Never more scratch memory than the default window takes, however large the body.
    expect(windowOf(50_000_000)).toBe(constants.BROTLI_DEFAULT_WINDOW);
  });

  it('goes out as it is when it is too small to gain from compression', async () => {
    const body = sharedBody('x'.repeat(COMPRESS_FROM_BYTES - 1));
    expect(await body.encoded('br')).toEqual({ body: body.bytes, encoding: 'identity' });
  });
});
