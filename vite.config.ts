import tailwindcss from '@tailwindcss/vite';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { insuranceProxy } from './server/vite-plugin.ts';
import { preloadAppStart, startChunk } from './server/render/preload-start.ts';
import { securityHeadersPlugin } from './server/http/security-headers.ts';

export default defineConfig({
  plugins: [react(), tailwindcss(), securityHeadersPlugin(), insuranceProxy(), preloadAppStart()],
  build: {
    target: 'es2022',
    sourcemap: false,
    // The start chunk and what the entry keeps apart from it: see startChunk.
    rolldownOptions: {
      output: { codeSplitting: { groups: [startChunk()], includeDependenciesRecursively: false } },
    },
  },
});
