import { sharedBody, type SharedBody } from '../http/encoded.ts';
import type { Answer } from '../proxy/answer.ts';
import type { InlineStyle } from './template.ts';

/** A rendered page as it is served, with the inline styles its CSP must allow. */
export interface CachedPage extends SharedBody {
  styles: InlineStyle[];
}

type Render = (signal: AbortSignal) => Promise<{ html: string; styles: InlineStyle[] } | undefined>;

interface Entry {
  page: Promise<CachedPage | undefined>;
  /** Requests still waiting for it; when the last one leaves before it is made, it is stopped. */
  waiting: number;
  settled: boolean;
  stop: AbortController;
}

/**
 * Each page is rendered at most once per pool-list answer and variant (what changes the markup:
 * the parsed link, language, theme), then served from memory to everyone who asks. Pages live as
 * long as their answer does: when the proxy's cache lets an answer go, its pages go with it. Past
 * `maxVariants` for one answer, no more are rendered (the page goes out as the plain shell). A
 * render whose every asker left before it was made is stopped, and forgotten; so is one that
 * failed or was refused, so the next ask tries again.
 */
export function createPageCache(maxVariants = 64) {
  const byAnswer = new WeakMap<Answer, Map<string, Entry>>();
  const stats = { renders: 0, hits: 0, refused: 0, cancelled: 0 };
  return {
    stats,
    /**
     * The page of this answer and variant: rendered now if it is the first ask (later asks while
     * it renders share that render), else from memory; `undefined` when it cannot be had.
     * `left`: aborted when this asker leaves.
     */
    page(
      answer: Answer,
      variant: string,
      render: Render,
      left?: AbortSignal,
    ): Promise<CachedPage | undefined> {
      let pages = byAnswer.get(answer);
      if (!pages) byAnswer.set(answer, (pages = new Map()));
      let entry = pages.get(variant);
      if (entry !== undefined) stats.hits += 1;
      else {
        if (pages.size >= maxVariants) {
          stats.refused += 1;
          return Promise.resolve(undefined);
        }
        stats.renders += 1;
        const stop = new AbortController();
        const made: Entry = { waiting: 0, settled: false, stop, page: Promise.resolve(undefined) };
        const forget = () => {
          if (pages.get(variant) === made) pages.delete(variant);
        };
        made.page = render(stop.signal).then(
          (rendered) => {
            made.settled = true;
            return rendered ? { ...sharedBody(rendered.html), styles: rendered.styles } : undefined;
          },
          (error: unknown) => {
            made.settled = true;
            forget();
            throw error;
          },
        );
        made.page.catch(() => undefined);
        pages.set(variant, (entry = made));
      }
      const mine = entry;
      if (left && !mine.settled) {
        mine.waiting += 1;
        const leave = () => {
          mine.waiting -= 1;
          if (mine.waiting > 0 || mine.settled) return;
          stats.cancelled += 1;
          if (pages.get(variant) === mine) pages.delete(variant);
          mine.stop.abort(new Error('every viewer who asked for this page has left'));
        };
        if (left.aborted) leave();
        else {
          left.addEventListener('abort', leave, { once: true });
          void mine.page
            .finally(() => left.removeEventListener('abort', leave))
            .catch(() => undefined);
        }
      }
      return mine.page;
    },
  };
}
