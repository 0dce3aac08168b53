import './app/zod-config';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app';
import { createQueryClient, prefetchPools } from './app/query-client';
import './index.css';

const FIRST_RENDER_WAIT_MS = 250;

const client = createQueryClient();
const root = document.getElementById('root');

function mount(element: HTMLElement) {
  createRoot(element).render(
    <StrictMode>
      <App client={client} />
    </StrictMode>,
  );
}

// The first render waits a moment for the pool list, already travelling since index.html
// preloaded it, so the pools arrive in the first paint instead of a second render.
if (root) {
  const wait = new Promise((resolve) => setTimeout(resolve, FIRST_RENDER_WAIT_MS));
  void Promise.race([prefetchPools(client), wait]).then(() => mount(root));
}
