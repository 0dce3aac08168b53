import type { Plugin } from 'vite';

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
