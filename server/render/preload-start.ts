import type { Plugin, Rolldown } from 'vite';

/** The module src/main.tsx imports once the first frame is on screen. */
const START = /\/src\/app\/start\.tsx$/;
/** The page's entry script, which imports the start once the first frame is on screen. */
const ENTRY = /\/src\/main\.tsx$/;

/**
 * The entry script is small and loads the app with a dynamic import (see src/main.tsx). This
 * lists the app's chunks in the built page as `preload` (`as="script"`, in the module's CORS mode,
 * so the later import takes that very answer), so the browser fetches them alongside the entry
 * instead of after it. Not `modulepreload`: that also compiles the 380 kB of the app while the
 * first page is parsed and laid out, and on a small machine that compile delays the first frame.
 */
export function preloadAppStart(): Plugin {
  return {
    name: 'preload-app-start',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(_html, ctx) {
        const bundle = ctx.bundle;
        if (!bundle) return undefined;
        const chunks = Object.values(bundle).flatMap((c) => (c.type === 'chunk' ? [c] : []));
        const start = chunks.find((c) => c.moduleIds.some((id) => START.test(id)));
        if (!start) return undefined;
        const files: string[] = [];
        const visit = (fileName: string) => {
          if (files.includes(fileName)) return;
          files.push(fileName);
          for (const next of bundle[fileName]?.type === 'chunk' ? bundle[fileName].imports : [])
            visit(next);
        };
        visit(start.fileName);
        // The entry and what it imports are in the page already (the entry's script tag, and
        // the bundler's own `modulepreload` of its imports).
        const entry = chunks.find((c) => c.isEntry);
        const inPage = new Set([entry?.fileName, ...(entry?.imports ?? [])]);
        return files
          .filter((f) => !inPage.has(f))
          .map((f) => ({
            tag: 'link',
            attrs: { rel: 'preload', as: 'script', crossorigin: true, href: `/${f}` },
            injectTo: 'head' as const,
          }));
      },
    },
  };
}

type ChunkGroup = NonNullable<
  Exclude<Rolldown.OutputOptions['codeSplitting'], boolean | undefined>['groups']
>[number];
type ModuleInfos = Parameters<Extract<ChunkGroup['name'], (...args: never[]) => unknown>>[1];

/** Every module the start module imports, directly or through others, statically. */
function staticGraph(ctx: ModuleInfos, from: string): Set<string> {
  const seen = new Set<string>([from]);
  const queue = [from];
  for (let id = queue.pop(); id !== undefined; id = queue.pop())
    for (const next of ctx.getModuleInfo(id)?.importedIds ?? [])
      if (!seen.has(next)) {
        seen.add(next);
        queue.push(next);
      }
  return seen;
}

/**
 * One chunk for everything the app's start imports statically. Without it the bundler gives each
 * module that a lazy part (the wall, the symbol view) shares with the start a small chunk of its
 * own, and the first page fetched 17 files, which compress worse apart than together. Lazy parts
 * import what they share from this chunk, which is always loaded before them. A module the entry
 * itself imports (the bundler's helper for lazy imports) stays with the entry: in this chunk, the
 * entry would import the whole app statically, and the browser would fetch, compile and run it
 * before the entry's first line, ahead of the first frame that src/main.tsx means to wait for.
 * The bundler must not pull a group's imports into it for this (`includeDependenciesRecursively:
 * false` in vite.config.ts); the group is every static import of the start already.
 */
export function startChunk(): ChunkGroup {
  // The bundler asks `test` of every module before it asks `name` of any: `test` notes the start
  // module's id, `name` walks its imports once.
  let start: string | undefined;
  let entry: string | undefined;
  let graph: Set<string> | undefined;
  return {
    test: (id) => {
      if (START.test(id)) start = id;
      if (ENTRY.test(id)) entry = id;
      return true;
    },
    name: (id, ctx) => {
      if (!graph) {
        graph = start ? staticGraph(ctx, start) : new Set();
        if (entry) for (const shared of staticGraph(ctx, entry)) graph.delete(shared);
      }
      return graph.has(id) ? 'start' : null;
    },
  };
}
