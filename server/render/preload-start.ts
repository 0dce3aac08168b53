import type { Plugin, Rolldown } from 'vite';

/** The module src/main.tsx imports once the first frame is on screen. */
const START = /\/src\/app\/start\.tsx$/;

/**
 * The entry script is small and loads the app with a dynamic import (see src/main.tsx). This
 * lists the app's chunks in the built page as `modulepreload`, so the browser fetches and
 * compiles them alongside the entry instead of after it.
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
        const start = chunks.find((c) => c.facadeModuleId && START.test(c.facadeModuleId));
        if (!start) return undefined;
        const files: string[] = [];
        const visit = (fileName: string) => {
          if (files.includes(fileName)) return;
          files.push(fileName);
          for (const next of bundle[fileName]?.type === 'chunk' ? bundle[fileName].imports : [])
            visit(next);
        };
        visit(start.fileName);
        const entry = chunks.find((c) => c.isEntry)?.fileName;
        return files
          .filter((f) => f !== entry)
          .map((f) => ({
            tag: 'link',
            attrs: { rel: 'modulepreload', crossorigin: true, href: `/${f}` },
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
 * import what they share from this chunk, which is always loaded before them.
 */
export function startChunk(): ChunkGroup {
  // The bundler asks `test` of every module before it asks `name` of any: `test` notes the start
  // module's id, `name` walks its imports once.
  let start: string | undefined;
  let graph: Set<string> | undefined;
  return {
    test: (id) => {
      if (START.test(id)) start = id;
      return true;
    },
    name: (id, ctx) => {
      graph ??= start ? staticGraph(ctx, start) : new Set();
      return graph.has(id) ? 'start' : null;
    },
  };
}
