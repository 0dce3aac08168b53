/** The app itself, started by src/main.tsx: takes over the server's page, or renders its own. */
import './zod-config';
import { createRoot, hydrateRoot } from 'react-dom/client';
import { PRERENDER_ID, readPrerendered, seedPools } from './prerender';
import { createQueryClient, prefetchPools } from './query-client';
import { Root } from './root';
import { detectLang, loadCatalogue } from '../lib/i18n/i18n';
import { parseUrlState } from '../lib/url-state';

const FIRST_RENDER_WAIT_MS = 250;

const client = createQueryClient();
const root = document.getElementById('root');
const prerendered = readPrerendered(document.getElementById(PRERENDER_ID)?.textContent);

// The page's language is ready before its first render, so the server's markup is taken over
// in the language it was written in.
const lang = parseUrlState(window.location.search).lang ?? detectLang(navigator.languages);

function begin() {
  if (root && prerendered && root.firstElementChild) {
    // The server rendered the page with the pools in it: take that markup over as it stands.
    seedPools(client, prerendered);
    hydrateRoot(
      root,
      <Root
        client={client}
        seed={{ search: window.location.search, now: prerendered.renderedAt }}
      />,
      {
        // A difference between the server's markup and the browser's first render is mended by
        // rendering again in the browser; it is worth a warning, not an error on the page.
        onRecoverableError: (error) =>
          console.warn('The page was rendered again in the browser:', error),
      },
    );
  } else if (root) {
    // The first render waits a moment for the pool list, already travelling since index.html
    // preloaded it, so the pools arrive in the first paint instead of a second render.
    const wait = new Promise((resolve) => setTimeout(resolve, FIRST_RENDER_WAIT_MS));
    void Promise.race([prefetchPools(client), wait]).then(() =>
      createRoot(root).render(<Root client={client} seed={null} />),
    );
  }
}

loadCatalogue(lang).then(begin, (error: unknown) => {
  console.warn(`[i18n] the ${lang} texts could not be loaded; the page shows in English`, error);
  begin();
});
