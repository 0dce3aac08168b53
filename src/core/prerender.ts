/**
 * What the server hands the app's own render of a page (src/entry-server.tsx, built into a bundle
 * of its own) and what it gets back: the one meeting point of the two sides' rendering.
 */

import type { Lang } from './lang.ts';

export interface PrerenderInput {
  /** The page's query string, `?` included, or empty. */
  search: string;
  /** The browser's languages, from `Accept-Language`, most wanted first. */
  languages: string[];
  /** The system's colour scheme, where the browser says it (`Sec-CH-Prefers-Color-Scheme`). */
  colorScheme?: 'light' | 'dark' | undefined;
  /** The proxy's answer for the pool list (status 200). */
  answer: { body: string; demo: boolean; fetchedAt: number };
  now: number;
}

export interface PrerenderOutput {
  /** The root element's content. */
  html: string;
  /** The id and text of the script element that carries the data to the browser. */
  dataId: string;
  data: string;
  lang: Lang;
  /** The page's title: it names the symbol of a symbol link. */
  title: string;
  /** What the link shows, in the page's language: `<meta name="description">` and Open Graph. */
  description: string;
  /** `data-theme` of the document, when the link, the view or the browser's hint fixes it. */
  theme: 'light' | 'dark' | undefined;
  /** `data-view` of the document: `wall` holds the page still, without scroll bars. */
  view?: 'wall' | undefined;
}
