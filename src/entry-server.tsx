/**
 * The server's render of the page: the same tree as the browser's, with the pool list the proxy
 * holds already in it, so the pools are on screen before any script has run. Built into its own
 * bundle (see server/render/) and used by the production server.
 */
import './app/zod-config';
import { renderToString } from 'react-dom/server';
import { PRERENDER_ID, prerenderedText, readPrerendered, seedPools } from './app/prerender';
import { pageMeta } from './app/page-meta';
import { createQueryClient } from './app/query-client';
import { Root } from './app/root';
import { chosenTheme } from './app/theme';
import { registerCatalogue, registerLaterTexts } from './lib/i18n/catalogues';
import { enLater } from './lib/i18n/en-later';
import { createI18n, detectLang } from './lib/i18n/i18n';
import { zhCN } from './lib/i18n/zh-CN';
import { registerWall } from './app/wall-view';
import { registerSymbolPage } from './app/symbol-page-view';
import { SymbolPage } from './app/symbol-page';
import { registerMomentPage } from './app/moment-page-view';
import { MomentPage } from './app/moment-page';
import { Wall } from './features/wall/wall';
import type { PrerenderInput, PrerenderOutput } from './core/prerender';
import { parseUrlState } from './lib/url-state';

export type { PrerenderInput, PrerenderOutput };

// The server renders every language and view from the start; the browser fetches what it shows.
registerCatalogue('zh-CN', zhCN);
registerLaterTexts(enLater);
registerWall(Wall);
registerSymbolPage(SymbolPage);
registerMomentPage(MomentPage);

/**
 * What decides a page's markup besides the data: the parsed link, the language and the theme. The
 * server renders each answer once per variant and serves that page to everyone who asks for it,
 * so two addresses that read the same share one render. The browser's first few languages stay in
 * the key, as the interface's choice of date order may follow them.
 */
export function variantOf({
  search,
  languages,
  colorScheme,
}: Pick<PrerenderInput, 'search' | 'languages' | 'colorScheme'>): string {
  const url = parseUrlState(search);
  const lang = url.lang ?? detectLang(languages);
  const theme = chosenTheme(url.theme, url.view);
  return JSON.stringify([
    url,
    lang,
    languages.slice(0, 3),
    theme === 'system' ? (colorScheme ?? null) : theme,
  ]);
}

/** The page for this address and answer; `undefined` when the answer is not a pool list. */
export function prerender({
  search,
  languages,
  colorScheme,
  answer,
  now,
}: PrerenderInput): PrerenderOutput | undefined {
  // Rendered from the very text the browser will read back, checked the same way, so that the
  // server's markup and the browser's first render cannot start from different data.
  const data = prerenderedText(answer, now);
  const prerendered = readPrerendered(data);
  if (prerendered === undefined) return undefined;
  const client = createQueryClient();
  seedPools(client, prerendered);
  const url = parseUrlState(search);
  const lang = url.lang ?? detectLang(languages);
  const theme = chosenTheme(url.theme, url.view);
  const html = renderToString(<Root client={client} seed={{ search, now, languages }} />);
  client.clear();
  const meta = pageMeta(createI18n(lang), url, prerendered.snapshot.data);
  return {
    html,
    dataId: PRERENDER_ID,
    data,
    lang,
    title: meta.title,
    description: meta.description,
    theme: theme === 'system' ? colorScheme : theme,
    view: url.view === 'wall' ? 'wall' : undefined,
  };
}
