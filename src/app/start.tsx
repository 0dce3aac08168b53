/** The app itself, started by src/main.tsx: takes over the server's page, or renders its own. */
import './zod-config';
import { createRoot, hydrateRoot } from 'react-dom/client';
import { hasCatalogue, loadCatalogue } from '../lib/i18n/catalogues';
import { detectLang } from '../lib/i18n/i18n';
import { parseUrlState } from '../lib/url-state';
import { loadMomentPage } from './moment-page-view';
import { loadSymbolPage } from './symbol-page-view';
import { loadWall } from './wall-view';
import { PRERENDER_ID, readPrerendered, seedPools } from './prerender';
import { createQueryClient, prefetchPools } from './query-client';
import { Root } from './root';

const FIRST_RENDER_WAIT_MS = 250;

const client = createQueryClient();
const root = document.getElementById('root');
const prerendered = readPrerendered(document.getElementById(PRERENDER_ID)?.textContent);
// The page's language, as the app will choose it: its catalogue is in before the first render.
const url = parseUrlState(window.location.search);
const lang = url.lang ?? detectLang(navigator.languages);
// What the first render needs beyond the first chunk: its language, and the code of a view that
// travels apart (the wall, the symbol view) for a page that opens on one.
const wall = url.view === 'wall';
const symbolPage = !wall && url.symbol !== undefined;
const momentPage = !wall && !symbolPage && url.at !== undefined;
const language = Promise.all([
  loadCatalogue(lang),
  wall ? loadWall() : undefined,
  symbolPage ? loadSymbolPage() : undefined,
  momentPage ? loadMomentPage() : undefined,
]);

function hydrate(root: HTMLElement, prerendered: NonNullable<ReturnType<typeof readPrerendered>>) {
  seedPools(client, prerendered);
  hydrateRoot(
    root,
    <Root client={client} seed={{ search: window.location.search, now: prerendered.renderedAt }} />,
    {
      // A difference between the server's markup and the browser's first render is mended by
      // rendering again in the browser; it is worth a warning, not an error on the page.
      onRecoverableError: (error) =>
        console.warn('The page was rendered again in the browser:', error),
    },
  );
}

if (root && prerendered && root.firstElementChild) {
  // The server rendered the page with the pools in it: take that markup over as it stands, at
  // once in English, once its catalogue is in for another language.
  if (hasCatalogue(lang) && !wall && !symbolPage && !momentPage) hydrate(root, prerendered);
  else void language.then(() => hydrate(root, prerendered));
} else if (root) {
  // The first render waits a moment for the pool list, already travelling since index.html
  // preloaded it, so the pools arrive in the first paint instead of a second render.
  const wait = new Promise((resolve) => setTimeout(resolve, FIRST_RENDER_WAIT_MS));
  void Promise.all([Promise.race([prefetchPools(client), wait]), language]).then(() =>
    createRoot(root).render(<Root client={client} seed={null} />),
  );
}
