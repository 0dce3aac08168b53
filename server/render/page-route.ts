import { existsSync, readFileSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import type { Answer } from '../proxy/answer.ts';
import { acceptedLanguages, colorSchemeOf } from './client-hints.ts';
import { chooseEncoding } from '../http/encoded.ts';
import { createPageCache } from './page-cache.ts';
import { RenderBusy } from './render-pool.ts';
import { bundleLoader, type BundleLoader, type ServerEntry } from './server-bundle.ts';
import { allowStyles, fillTemplate, hasRoot, inlineStyles, type InlineStyle } from './template.ts';

/** How long a page waits for the pool list before it goes out without it. */
export const DEFAULT_BUDGET_MS = 1000;

/** How long a page waits for its render before it goes out as the plain shell (the render goes on, for the next viewer). */
export const DEFAULT_RENDER_WAIT_MS = 600;

/**
 * Link parameters that change what the browser does, not the markup the server sends: the page
 * is rendered without them, once for all their values (`?refresh=1` … `?refresh=64` are one
 * page). The wall is the exception: its status line says when the next refresh comes, so there
 * `refresh` is part of the page.
 */
export const NOT_IN_MARKUP = ['refresh'];

/** The link as the render sees it: without the parameters that do not change the markup. */
export function markupSearch(search: string): string {
  if (search === '') return '';
  const params = new URLSearchParams(search);
  if (params.getAll('view').some((v) => v.toLowerCase() === 'wall')) return search;
  let dropped = false;
  for (const name of NOT_IN_MARKUP)
    if (params.has(name)) {
      params.delete(name);
      dropped = true;
    }
  if (!dropped) return search;
  const rest = params.toString();
  return rest === '' ? '' : `?${rest}`;
}

/**
 * A list this long is not rendered on the server (thousands of pools): the render would hold the
 * server's one thread for longer than the browser takes to render it alone.
 */
export const MAX_RENDERED_LIST_CHARS = 1_500_000;

/** How many of the variants asked for last a new answer is rendered in before anyone asks. */
export const WARM_VARIANTS = 4;

/** A variant nobody has asked for in this long is no longer rendered ahead (nor the plain page, from start). */
export const WARM_FOR_MS = 10 * 60_000;

export interface PageRouteOptions {
  /** The built client: its index.html is the template. */
  clientOutDir: string;
  /** The pool list as the proxy would answer a viewer now. */
  poolList: () => Promise<Answer>;
  /** The pool list when the proxy holds it fresh, at once: the common case needs no waiting. */
  peekPoolList?: () => Answer | undefined;
  budgetMs?: number;
  /** How long a page waits for its render (DEFAULT_RENDER_WAIT_MS). */
  renderWaitMs?: number;
  now?: () => number;
  /** Loads the server bundle; by default from beside the client build, rendering in a thread. */
  load?: BundleLoader;
  warn?: (message: string) => void;
}

function withinBudget<T>(work: Promise<T>, ms: number): Promise<T | undefined> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), ms);
  });
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}

/**
 * Answers `GET /` (and `/index.html`) with the page rendered by the app's own components from
 * the pool list the proxy holds; everything else, and every page that cannot be had in time,
 * passes on to the static files, which send the plain shell the browser renders alone.
 */
export function createPageRoute(options: PageRouteOptions) {
  const now = options.now ?? Date.now;
  const budgetMs = options.budgetMs ?? DEFAULT_BUDGET_MS;
  const renderWaitMs = options.renderWaitMs ?? DEFAULT_RENDER_WAIT_MS;
  const templateFile = path.join(options.clientOutDir, 'index.html');
  let warned = false;
  const warn = (message: string) => {
    if (warned) return;
    warned = true;
    (options.warn ?? console.warn)(`  ${message}; pages are rendered in the browser alone.`);
  };
  const load = options.load ?? bundleLoader(options.clientOutDir, warn);
  if (existsSync(templateFile)) void load();
  const cache = createPageCache();

  const readAsset = (href: string) => {
    const file = path.join(options.clientOutDir, href);
    return file.startsWith(options.clientOutDir) && existsSync(file)
      ? readFileSync(file, 'utf8')
      : undefined;
  };
  // The template is read again only when a new build has replaced it (checked every 2 s), not on
  // every request: reading it was most of the cost of a page served from memory.
  let styled:
    { template: string; styles: InlineStyle[]; mtime: number; checked: number } | undefined;
  function template() {
    const t = Date.now();
    if (styled && t - styled.checked < 2_000) return styled;
    const mtime = existsSync(templateFile) ? statSync(templateFile).mtimeMs : -1;
    if (styled?.mtime !== mtime) {
      const text = mtime === -1 ? '' : readFileSync(templateFile, 'utf8');
      styled = hasRoot(text)
        ? { template: text, styles: inlineStyles(text, readAsset), mtime, checked: t }
        : undefined;
      if (!styled) return undefined;
    }
    styled.checked = t;
    return styled;
  }
  const policies = new Map<string, string>();
  function policyWith(csp: string, styles: InlineStyle[]): string {
    const key = `${csp}\n${styles.map((style) => style.source).join(' ')}`;
    let policy = policies.get(key);
    if (policy === undefined) {
      if (policies.size > 16) policies.clear();
      policies.set(key, (policy = allowStyles(csp, styles)));
    }
    return policy;
  }

  // The same few links and browsers ask again and again: their variant key is worked out once.
  const variants = new Map<string, string>();
  function variantOf(
    entry: ServerEntry,
    hints: Parameters<NonNullable<ServerEntry['variantOf']>>[0],
    req: IncomingMessage,
  ): string {
    const raw = `${hints.search}\n${req.headers['accept-language'] ?? ''}\n${hints.colorScheme ?? ''}`;
    let key = variants.get(raw);
    if (key === undefined) {
      if (variants.size >= 1000) variants.clear();
      key = entry.variantOf?.(hints) ?? JSON.stringify(hints);
      variants.set(raw, key);
    }
    return key;
  }

  type Hints = Parameters<NonNullable<ServerEntry['variantOf']>>[0];
  /** Renders (or finds in memory) one variant's page of one answer. */
  function pageOf(
    entry: ServerEntry,
    shell: { template: string; styles: InlineStyle[] },
    answer: Answer,
    hints: Hints,
    variant: string,
    left?: AbortSignal,
  ) {
    return cache.page(
      answer,
      variant,
      async (signal) => {
        const rendered = await entry.prerender({ ...hints, answer, now: now() }, signal);
        const html = rendered && fillTemplate(shell.template, rendered, shell.styles);
        return html ? { html, styles: shell.styles } : undefined;
      },
      left,
    );
  }
  const renderable = (answer: Answer | undefined): answer is Answer =>
    answer !== undefined && answer.status === 200 && answer.body.length <= MAX_RENDERED_LIST_CHARS;

  // The variants viewers asked for last, newest last: a new answer is rendered in these before
  // anyone asks, so the next viewer is served from memory.
  const asked = new Map<string, { hints: Hints; at: number }>([
    ['', { hints: { search: '', languages: [] }, at: now() }],
  ]);
  let askedDefault = true;
  function noteAsked(variant: string, hints: Hints) {
    if (askedDefault) {
      asked.clear();
      askedDefault = false;
    }
    asked.delete(variant);
    asked.set(variant, { hints, at: now() });
    if (asked.size > WARM_VARIANTS) asked.delete(asked.keys().next().value!);
  }

  async function warm(answer: Answer): Promise<void> {
    const shell = template();
    if (!shell || !renderable(answer)) return;
    const entry = await load();
    if (!entry) return;
    const since = now() - WARM_FOR_MS;
    const jobs = [...asked]
      .filter(([, { at }]) => at >= since)
      .map(([variant, { hints }]) =>
        pageOf(
          entry,
          shell,
          answer,
          hints,
          askedDefault ? (entry.variantOf?.(hints) ?? JSON.stringify(hints)) : variant,
        ),
      );
    stats.warmed += jobs.length;
    // A warm render refused (the threads are busy) or failed is tried again by the first viewer.
    await Promise.allSettled(jobs);
  }

  async function page(req: IncomingMessage, search: string, left: AbortSignal) {
    const shell = template();
    if (!shell) return undefined;
    const held = options.peekPoolList?.();
    const [entry, answer] = await Promise.all([
      load(),
      held ?? withinBudget(options.poolList(), budgetMs),
    ]);
    if (!entry || !renderable(answer)) return undefined;
    const hints = {
      search: markupSearch(search),
      languages: acceptedLanguages(req.headers['accept-language']),
      colorScheme: colorSchemeOf(req.headers['sec-ch-prefers-color-scheme']),
    };
    const variant = variantOf(entry, hints, req);
    noteAsked(variant, hints);
    const made = pageOf(entry, shell, answer, hints, variant, left);
    // A render that is late goes on for the next viewer; this one gets the plain page now.
    const page = await withinBudget(made, renderWaitMs);
    if (page === undefined && !left.aborted) stats.late += 1;
    return page;
  }
  const stats = Object.assign(cache.stats, { late: 0, busy: 0, failed: 0, warmed: 0 });

  let lastWarnedAt = 0;
  let closed = false;
  function route(req: IncomingMessage, res: ServerResponse, next: (err?: unknown) => void) {
    const raw = req.url ?? '/';
    const queryAt = raw.indexOf('?');
    const pathname = queryAt === -1 ? raw : raw.slice(0, queryAt);
    const wantsHtml = (req.headers.accept ?? '').includes('text/html');
    const method = req.method ?? 'GET';
    if (
      (method !== 'GET' && method !== 'HEAD') ||
      !wantsHtml ||
      (pathname !== '/' && pathname !== '/index.html')
    ) {
      next();
      return;
    }
    const search = queryAt === -1 || queryAt === raw.length - 1 ? '' : raw.slice(queryAt);
    // Aborted when the viewer leaves before the page is sent: a render only they waited for stops.
    const leaving = new AbortController();
    res.once('close', () => {
      if (!res.writableEnded) leaving.abort();
    });
    page(req, search, leaving.signal)
      .catch((error: unknown) => {
        if (error instanceof RenderBusy) stats.busy += 1;
        else if (!leaving.signal.aborted && !closed) {
          stats.failed += 1;
          // One line a minute at most: a page that cannot be rendered is asked for again and again.
          const t = Date.now();
          if (t - lastWarnedAt > 60_000) {
            lastWarnedAt = t;
            console.warn('  the page could not be rendered on the server:', error);
          }
        }
        return undefined;
      })
      .then(async (rendered) => {
        if (rendered === undefined) return next();
        const { body, encoding } = await rendered.encoded(
          chooseEncoding(req.headers['accept-encoding']),
        );
        const csp = res.getHeader('content-security-policy');
        if (typeof csp === 'string')
          res.setHeader('content-security-policy', policyWith(csp, rendered.styles));
        res.statusCode = 200;
        res.setHeader('content-type', 'text/html; charset=utf-8');
        // The page carries data: never from a cache, like the proxy's answers.
        res.setHeader('cache-control', 'no-store');
        // A browser that sends the system's colour scheme gets a page in it from the first paint.
        res.setHeader('accept-ch', 'Sec-CH-Prefers-Color-Scheme');
        res.setHeader('vary', 'Accept-Language, Sec-CH-Prefers-Color-Scheme, Accept-Encoding');
        if (encoding !== 'identity') res.setHeader('content-encoding', encoding);
        res.setHeader('content-length', body.length);
        res.end(method === 'HEAD' ? undefined : body);
      })
      .catch(next);
  }

  return Object.assign(route, {
    stats,
    /**
     * Renders a new pool-list answer, before anyone asks, in the variants viewers asked for last
     * (the plain page until someone has asked), those asked for in the last WARM_FOR_MS: call it
     * when the proxy takes in a new answer.
     */
    warm,
    /** Stops the render thread. */
    close: async () => {
      closed = true;
      if ('close' in load && typeof load.close === 'function')
        await (load.close as () => Promise<void>)();
    },
  });
}
