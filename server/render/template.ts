/**
 * The built index.html with a render put into it: the app's markup in the root, the data it was
 * rendered from beside it, the page's language, theme, title and description, and the build's
 * stylesheet inside the page so it paints as soon as it is parsed.
 */
import { createHash } from 'node:crypto';
import type { PrerenderOutput } from '../../src/core/prerender.ts';

export function escapeHtml(text: string): string {
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
  const theme = `${page.theme ? ` data-theme="${page.theme}"` : ''}${page.view ? ` data-view="${page.view}"` : ''}`;
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

/** Whether the template has the place a render goes into (a page of another build has not). */
export function hasRoot(template: string): boolean {
  return ROOT.test(template);
}
