/**
 * The preview server's page with the pools already in it: the app's own render (the server
 * bundle built beside the client, from src/entry-server.tsx) of the pool list the proxy holds,
 * so the pools are on screen as soon as the HTML and CSS arrive, before any script has run.
 * Whenever that cannot be had in time (no server bundle, upstream slow or failing, an answer that
 * is not a pool list, a render that throws) the page is the plain one and the browser renders
 * it alone, as it always could.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { PrerenderInput, PrerenderOutput } from '../../src/core/prerender.ts';
import type { Answer } from '../proxy/insurance-proxy.ts';

export const SERVER_ENTRY = 'src/entry-server.tsx';

/** Where the server bundle of a build goes: beside the client's, never inside what is served. */
export function serverOutDir(clientOutDir: string): string {
  return `${clientOutDir.replace(/[/\\]+$/, '')}-server`;
}

export interface ServerEntry {
  prerender: (input: PrerenderInput) => PrerenderOutput | undefined;
}

const WARM_UP = {
  body: '[{"symbols":["BTCUSDT"],"assets":[{"asset":"USDT","marginBalance":"1.5","updateTime":0}]}]',
  demo: false,
  fetchedAt: 0,
};

/** How long a page waits for the pool list before it goes out without it. */
export const DEFAULT_BUDGET_MS = 1000;

function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );
}

const HTML_TAG = /<html\b[^>]*>/i;
const TITLE = /<title>[^<]*<\/title>/i;

/** The page's description and Open Graph tags, each `<meta {attribute}="{key}" content="…">`. */
function withMeta(html: string, attribute: string, key: string, content: string): string {
  const tag = `<meta ${attribute}="${key}" content="${escapeHtml(content)}" />`;
  const existing = new RegExp(`<meta\\s+${attribute}="${key}"[^>]*>`, 'i');
  return existing.test(html)
    ? html.replace(existing, () => tag)
    : html.replace('</head>', () => `  ${tag}\n  </head>`);
}

const ROOT = /<div id="root"><\/div>/;
// The browser need not fetch the pool list the page already carries (the link, and the comment
// that explains it).
const PRELOAD =
  /([ \t]*<!--(?:(?!-->)[^])*-->\s*)?[ \t]*<link rel="preload" href="\/fapi\/v1\/insuranceBalance"[^>]*>\n?/;

const STYLESHEET =
  /<link rel="stylesheet"(?: crossorigin)? href="(\/assets\/[\w.-]+\.css)"\s*\/?>/g;

/** A stylesheet of the build put into the page itself, and the CSP source that allows it. */
export interface InlineStyle {
  href: string;
  css: string;
  /** `'sha256-…'` of the element's text. */
  source: string;
}

/**
 * The build's stylesheets, to be written into the page: the page then paints as soon as it is
 * parsed, instead of after another round trip for the CSS. A sheet that refers to other files
 * (`url(`) or could close its element stays a link.
 */
export function inlineStyles(
  template: string,
  read: (href: string) => string | undefined,
): InlineStyle[] {
  const styles: InlineStyle[] = [];
  for (const [, href] of template.matchAll(STYLESHEET)) {
    const css = read(href!);
    if (css === undefined || /url\(|<\/style/i.test(css)) continue;
    const digest = createHash('sha256').update(css, 'utf8').digest('base64');
    styles.push({ href: href!, css, source: `'sha256-${digest}'` });
  }
  return styles;
}

/** The page's Content Security Policy with its inline styles allowed, by hash and nothing more. */
export function allowStyles(csp: string, styles: InlineStyle[]): string {
  if (styles.length === 0) return csp;
  const hashes = styles.map((s) => s.source).join(' ');
  return csp
    .split(';')
    .map((d) => (/^\s*style-src\s/.test(d) ? `${d} ${hashes}` : d))
    .join(';');
}

/** Above this much markup the first paint does not wait for the whole list (about 150 pools). */
export const HOLD_PAINT_MAX_CHARS = 256 * 1024;

/** The page with the render in it; `undefined` if the template lacks a place for it. */
export function fillTemplate(
  template: string,
  page: PrerenderOutput,
  styles: InlineStyle[] = [],
): string | undefined {
  if (!HTML_TAG.test(template) || !ROOT.test(template)) return undefined;
  const theme = page.theme ? ` data-theme="${page.theme}"` : '';
  const inline = new Map(styles.map((s) => [s.href, s.css]));
  let head = withMeta(template, 'name', 'description', page.description);
  head = withMeta(head, 'property', 'og:title', page.title);
  head = withMeta(head, 'property', 'og:description', page.description);
  return (
    head
      .replace(STYLESHEET, (link, href: string) => {
        const css = inline.get(href);
        return css === undefined ? link : `<style>${css}</style>`;
      })
      .replace(HTML_TAG, `<html lang="${escapeHtml(page.lang)}"${theme}>`)
      .replace(TITLE, `<title>${escapeHtml(page.title)}</title>`)
      // No frame of half a list: the first paint waits until the parser has passed the pools
      // (https://html.spec.whatwg.org/multipage/links.html#link-type-expect). A list too long
      // to arrive and parse at once is painted as it comes, so its first pools show early.
      .replace(
        '</head>',
        page.html.length > HOLD_PAINT_MAX_CHARS
          ? '</head>'
          : `  <link rel="expect" href="#${page.dataId}" blocking="render" />\n  </head>`,
      )
      .replace(PRELOAD, '')
      .replace(
        ROOT,
        () =>
          `<div id="root">${page.html}</div>\n    <script type="application/json" id="${page.dataId}">${page.data}</script>`,
      )
  );
}

/** `Accept-Language` as a list of language tags, most wanted first. */
export function acceptedLanguages(header: string | undefined): string[] {
  if (!header) return [];
  return header
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find(Boolean);
      return { tag: tag.trim(), q: q === undefined ? 1 : Number(q), index };
    })
    .filter((l) => /^[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*$/.test(l.tag) && l.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index)
    .map((l) => l.tag);
}

/** `Sec-CH-Prefers-Color-Scheme` (a structured string, quoted). */
export function colorSchemeOf(header: string | string[] | undefined): 'light' | 'dark' | undefined {
  const value = (Array.isArray(header) ? header[0] : header)?.trim().replace(/^"|"$/g, '');
  return value === 'light' || value === 'dark' ? value : undefined;
}

function withinBudget<T>(work: Promise<T>, ms: number): Promise<T | undefined> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), ms);
  });
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}

export interface PrerenderOptions {
  /** The built client: its index.html is the template. */
  clientOutDir: string;
  /** The pool list as the proxy would answer a viewer now. */
  poolList: () => Promise<Answer>;
  budgetMs?: number;
  now?: () => number;
  /** Loads the server bundle; by default from beside the client build. */
  load?: () => Promise<ServerEntry | undefined>;
}

/** Answers `GET /` (and `/index.html`) with the rendered page; everything else passes on. */
export function createPrerender(options: PrerenderOptions) {
  const now = options.now ?? Date.now;
  const budgetMs = options.budgetMs ?? DEFAULT_BUDGET_MS;
  const templateFile = path.join(options.clientOutDir, 'index.html');
  const bundle = path.join(serverOutDir(options.clientOutDir), 'entry-server.js');
  let warned = false;
  const warnOnce = (message: string) => {
    if (warned) return;
    warned = true;
    console.warn(`  ${message}; pages are rendered in the browser alone.`);
  };
  const load =
    options.load ??
    (async () => {
      if (!existsSync(bundle)) {
        warnOnce(`no server bundle at ${path.relative(process.cwd(), bundle)} (run vite build)`);
        return undefined;
      }
      return (await import(pathToFileURL(bundle).href)) as ServerEntry;
    });
  let entry: Promise<ServerEntry | undefined> | undefined;
  const loadEntry = () =>
    (entry ??= load()
      .then((server) => {
        // One render of a small list now, so the first visitor does not pay for a cold start.
        // A render that throws is reported when a page asks for it.
        try {
          server?.prerender({ search: '', languages: [], answer: WARM_UP, now: now() });
        } catch {
          // see above
        }
        return server;
      })
      .catch((error: unknown) => {
        warnOnce(`the server bundle could not be loaded (${String(error)})`);
        return undefined;
      }));
  if (existsSync(templateFile)) void loadEntry();

  let styled: { template: string; styles: InlineStyle[] } | undefined;
  const readAsset = (href: string) => {
    const file = path.join(options.clientOutDir, href);
    return file.startsWith(options.clientOutDir) && existsSync(file)
      ? readFileSync(file, 'utf8')
      : undefined;
  };

  async function page(
    req: IncomingMessage,
    search: string,
  ): Promise<{ html: string; styles: InlineStyle[] } | undefined> {
    // Only the app's own page has a place for the render (a page of another build is left alone).
    const template = existsSync(templateFile) ? readFileSync(templateFile, 'utf8') : '';
    if (!ROOT.test(template)) return undefined;
    if (styled?.template !== template)
      styled = { template, styles: inlineStyles(template, readAsset) };
    const { styles } = styled;
    const [server, answer] = await Promise.all([
      loadEntry(),
      withinBudget(options.poolList(), budgetMs),
    ]);
    if (!server || !answer || answer.status !== 200) return undefined;
    const rendered = server.prerender({
      search,
      languages: acceptedLanguages(req.headers['accept-language']),
      colorScheme: colorSchemeOf(req.headers['sec-ch-prefers-color-scheme']),
      answer,
      now: now(),
    });
    if (!rendered) return undefined;
    const html = fillTemplate(template, rendered, styles);
    return html === undefined ? undefined : { html, styles };
  }

  return function middleware(
    req: IncomingMessage,
    res: ServerResponse,
    next: (err?: unknown) => void,
  ) {
    const raw = req.url ?? '/';
    const queryAt = raw.indexOf('?');
    const pathname = queryAt === -1 ? raw : raw.slice(0, queryAt);
    const wantsHtml = (req.headers.accept ?? '').includes('text/html');
    if (req.method !== 'GET' || !wantsHtml || (pathname !== '/' && pathname !== '/index.html')) {
      next();
      return;
    }
    const search = queryAt === -1 || queryAt === raw.length - 1 ? '' : raw.slice(queryAt);
    page(req, search)
      .catch((error: unknown) => {
        console.warn('  the page could not be rendered on the server:', error);
        return undefined;
      })
      .then((rendered) => {
        if (rendered === undefined) {
          next();
          return;
        }
        const { html, styles } = rendered;
        const csp = res.getHeader('content-security-policy');
        if (typeof csp === 'string')
          res.setHeader('content-security-policy', allowStyles(csp, styles));
        res.statusCode = 200;
        res.setHeader('content-type', 'text/html; charset=utf-8');
        // The page carries data: never from a cache, like the proxy's answers.
        res.setHeader('cache-control', 'no-store');
        // A browser that sends the system's colour scheme gets a page in it from the first paint,
        // rather than a light one turned dark once the script runs.
        res.setHeader('accept-ch', 'Sec-CH-Prefers-Color-Scheme');
        res.setHeader('vary', 'Accept-Language, Sec-CH-Prefers-Color-Scheme');
        res.end(html);
      }, next);
  };
}
