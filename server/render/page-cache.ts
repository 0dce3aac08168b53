import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { Answer } from '../proxy/answer.ts';
import type { InlineStyle } from './template.ts';

export type Encoding = 'br' | 'gzip' | 'identity';

/** A rendered page as it is served: its bytes, and its compressed forms made once, off the main thread. */
export interface CachedPage {
  html: Buffer;
  styles: InlineStyle[];
  encoded(encoding: Encoding): Promise<Buffer>;
}

const brotli = promisify(brotliCompress);
const gzipped = promisify(gzip);

function cachedPage(text: string, styles: InlineStyle[]): CachedPage {
  const html = Buffer.from(text, 'utf8');
  const forms = new Map<Encoding, Promise<Buffer>>();
  return {
    html,
    styles,
    encoded(encoding) {
      if (encoding === 'identity') return Promise.resolve(html);
      let form = forms.get(encoding);
      if (!form) {
        form =
          encoding === 'br'
            ? brotli(html, { params: { [constants.BROTLI_PARAM_QUALITY]: 7 } })
            : gzipped(html, { level: 6 });
        forms.set(encoding, form);
      }
      return form;
    },
  };
}

/** `br`, else `gzip`, else none, as the request's `Accept-Encoding` allows. */
export function chooseEncoding(header: string | undefined): Encoding {
  const offered = new Map<string, number>();
  for (const part of (header ?? '').toLowerCase().split(',')) {
    const [name = '', ...params] = part.trim().split(';');
    const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find(Boolean);
    offered.set(name.trim(), q === undefined ? 1 : Number(q));
  }
  const ok = (name: string) => (offered.get(name) ?? offered.get('*') ?? 0) > 0;
  if (ok('br')) return 'br';
  if (ok('gzip')) return 'gzip';
  return 'identity';
}

/**
 * Each page is rendered at most once per pool-list answer and variant (link, language, theme),
 * then served from memory to everyone who asks. Pages live as long as their answer does: when
 * the proxy's cache lets an answer go, its pages go with it. Past `maxVariants` for one answer,
 * no more are rendered (the page goes out as the plain shell), so a stream of odd links cannot
 * keep the server rendering.
 */
export function createPageCache(maxVariants = 64) {
  const byAnswer = new WeakMap<Answer, Map<string, CachedPage | null>>();
  const stats = { renders: 0, hits: 0, refused: 0 };
  return {
    stats,
    page(
      answer: Answer,
      variant: string,
      render: () => { html: string; styles: InlineStyle[] } | undefined,
    ): CachedPage | undefined {
      let pages = byAnswer.get(answer);
      if (!pages) byAnswer.set(answer, (pages = new Map()));
      const known = pages.get(variant);
      if (known !== undefined) {
        stats.hits += 1;
        return known ?? undefined;
      }
      if (pages.size >= maxVariants) {
        stats.refused += 1;
        return undefined;
      }
      stats.renders += 1;
      const rendered = render();
      const page = rendered ? cachedPage(rendered.html, rendered.styles) : null;
      pages.set(variant, page);
      return page ?? undefined;
    },
  };
}
