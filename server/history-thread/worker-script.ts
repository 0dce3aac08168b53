import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** The worker as the production build has it, beside the server (server/vite-plugin.ts). */
export const BUILT_WORKER = 'history-worker.js';
/** Its entry in the sources, beside this file. */
const ENTRY = 'worker-main.ts';
/** Bundles older than this are removed when a new one is written. */
const KEEP_MS = 86_400_000;

/** The folder above `from` that holds node_modules: a bundle there finds the packages it leaves out. */
function projectRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'node_modules'))) return dir;
    if (dirname(dir) === dir) throw new Error(`no node_modules above ${from}`);
  }
}

/**
 * The worker's sources bundled into one ES module with esbuild (our code in it, packages left to
 * node_modules), written once per content under node_modules/.cache: a worker thread loads plain
 * JavaScript whatever loader runs this process (tsx, Vite's config loader, Vitest, Playwright).
 */
async function bundle(entry: string): Promise<URL> {
  const { build } = await import('esbuild');
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    write: false,
    logLevel: 'silent',
  });
  const code = result.outputFiles[0]!.contents;
  const dir = join(projectRoot(dirname(entry)), 'node_modules', '.cache', 'history-worker');
  mkdirSync(dir, { recursive: true });
  const name = `worker-${createHash('sha256').update(code).digest('hex').slice(0, 16)}.mjs`;
  const file = join(dir, name);
  if (!existsSync(file)) {
    const partial = `${file}.${process.pid}.part`;
    writeFileSync(partial, code);
    renameSync(partial, file);
    for (const old of readdirSync(dir))
      if (old !== name && Date.now() - statSync(join(dir, old)).mtimeMs > KEEP_MS)
        rmSync(join(dir, old), { force: true });
  }
  return pathToFileURL(file);
}

let bundled: Promise<URL> | undefined;

/**
 * The script of the history's worker: the built one beside the running module when there is one
 * (dist-server/history-worker.js), else the sources bundled on the fly (once per process).
 */
export function workerScript(): Promise<URL> {
  // Relative names in variables: the build must not take these for assets of its own.
  const here = import.meta.url;
  const built = new URL(BUILT_WORKER, here);
  if (built.protocol === 'file:' && existsSync(fileURLToPath(built))) return Promise.resolve(built);
  bundled ??= bundle(fileURLToPath(new URL(ENTRY, here))).catch((error: unknown) => {
    bundled = undefined;
    throw error;
  });
  return bundled;
}
