import { describe, expect, it } from 'vitest';
import { startChunk } from './preload-start.ts';

/** A module graph as the bundler describes it: static and dynamic imports of each module. */
const graph: Record<string, { importedIds: string[]; dynamicallyImportedIds: string[] }> = {
  '/p/src/main.tsx': {
    importedIds: ['/p/src/index.css', '\0vite/preload-helper.js'],
    dynamicallyImportedIds: ['/p/src/app/start.tsx'],
  },
  '/p/src/index.css': { importedIds: [], dynamicallyImportedIds: [] },
  '\0vite/preload-helper.js': { importedIds: [], dynamicallyImportedIds: [] },
  '/p/src/app/start.tsx': {
    importedIds: [
      '/p/src/core/decimal.ts',
      '/p/src/features/pools/pool-row.tsx',
      '\0vite/preload-helper.js',
    ],
    dynamicallyImportedIds: ['/p/src/features/wall/wall.tsx'],
  },
  '/p/src/features/pools/pool-row.tsx': {
    importedIds: ['/p/src/core/decimal.ts', '/p/node_modules/react/index.js'],
    dynamicallyImportedIds: [],
  },
  '/p/src/core/decimal.ts': { importedIds: [], dynamicallyImportedIds: [] },
  '/p/node_modules/react/index.js': { importedIds: [], dynamicallyImportedIds: [] },
  '/p/src/features/wall/wall.tsx': {
    importedIds: ['/p/src/core/decimal.ts', '/p/src/features/wall/layout.ts'],
    dynamicallyImportedIds: [],
  },
  '/p/src/features/wall/layout.ts': { importedIds: [], dynamicallyImportedIds: [] },
};

function chunkOf(ids: string[]) {
  const group = startChunk();
  const test = group.test as (id: string) => boolean;
  const name = group.name as (id: string, ctx: unknown) => string | null;
  for (const id of ids) test(id);
  const ctx = { getModuleInfo: (id: string) => graph[id] ?? null };
  return Object.fromEntries(ids.map((id) => [id, name(id, ctx)]));
}

describe('the start chunk', () => {
  it('holds every module the start imports, directly or not, and a lazy part keeps its own', () => {
    const chunks = chunkOf(Object.keys(graph));
    expect(chunks).toEqual({
      '/p/src/main.tsx': null,
      // What the entry imports itself stays out of the start: in it, the entry would import the
      // whole app statically and run it before the first frame.
      '/p/src/index.css': null,
      '\0vite/preload-helper.js': null,
      '/p/src/app/start.tsx': 'start',
      '/p/src/features/pools/pool-row.tsx': 'start',
      '/p/src/core/decimal.ts': 'start',
      '/p/node_modules/react/index.js': 'start',
      '/p/src/features/wall/wall.tsx': null,
      '/p/src/features/wall/layout.ts': null,
    });
  });

  it('leaves every module to the bundler in a build without the start (the server bundle)', () => {
    const chunks = chunkOf(['/p/src/core/decimal.ts', '/p/src/features/wall/wall.tsx']);
    expect(Object.values(chunks)).toEqual([null, null]);
  });
});
