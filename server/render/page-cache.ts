import { sharedBody, type SharedBody } from '../http/encoded.ts';
import type { Answer } from '../proxy/answer.ts';
import type { InlineStyle } from './template.ts';

/** A rendered page as it is served, with the inline styles its CSP must allow. */
export interface CachedPage extends SharedBody {
  styles: InlineStyle[];
}

/**
 * Each page is rendered at most once per pool-list answer and variant (link, language, theme),
 * then served from memory to everyone who asks. Pages live as long as their answer does: when
 * the proxy's cache lets an answer go, its pages go with it. Past `maxVariants` for one answer,
 * no more are rendered (the page goes out as the plain shell), so a stream of odd links cannot
 * keep the server rendering.
 */
export function createPageCache(maxVariants = 64) {
  const byAnswer = new WeakMap<Answer, Map<string, Promise<CachedPage | undefined>>>();
  const stats = { renders: 0, hits: 0, refused: 0 };
  return {
    stats,
    /**
     * The page of this answer and variant: rendered now if it is the first ask (later asks while
     * it renders share that render), else from memory; `undefined` when it cannot be had.
     */
    page(
      answer: Answer,
      variant: string,
      render: () => Promise<{ html: string; styles: InlineStyle[] } | undefined>,
    ): Promise<CachedPage | undefined> {
      let pages = byAnswer.get(answer);
      if (!pages) byAnswer.set(answer, (pages = new Map()));
      const known = pages.get(variant);
      if (known !== undefined) {
        stats.hits += 1;
        return known;
      }
      if (pages.size >= maxVariants) {
        stats.refused += 1;
        return Promise.resolve(undefined);
      }
      stats.renders += 1;
      const page = render().then(
        (rendered) =>
          rendered ? { ...sharedBody(rendered.html), styles: rendered.styles } : undefined,
        (error: unknown) => {
          // Not kept: the next ask of a later answer tries again.
          pages.delete(variant);
          throw error;
        },
      );
      pages.set(variant, page);
      return page;
    },
  };
}
