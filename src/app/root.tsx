import type { QueryClient } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { RenderSeedContext, type RenderSeed } from '../lib/render-seed';
import { App } from './app';

/** The whole page, the same tree whether the server renders it or the browser does. */
export function Root({ client, seed }: { client: QueryClient; seed: RenderSeed | null }) {
  return (
    <StrictMode>
      <RenderSeedContext value={seed}>
        <App client={client} />
      </RenderSeedContext>
    </StrictMode>
  );
}
