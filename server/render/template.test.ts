import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { CSP, CSS, page, TEMPLATE } from './test-page.ts';
import { acceptedLanguages, colorSchemeOf } from './client-hints.ts';
import { serverOutDir } from './server-bundle.ts';
import { allowStyles, fillTemplate, HOLD_PAINT_MAX_CHARS, inlineStyles } from './template.ts';

describe('the page template', () => {
  it('gets the render, its data, language, theme and title, and loses the pool-list preload only', () => {
    const html = fillTemplate(TEMPLATE, page)!;
    expect(html).toContain('<html lang="zh-CN" data-theme="dark">');
    expect(html).toContain('<title>保险基金余额 · &lt;U本位&gt;</title>');
    expect(html).toContain(
      `<div id="root">${page.html}</div>\n    <script type="application/json" id="prerendered">${page.data}</script>`,
    );
    expect(html).not.toContain('/fapi/v1/insuranceBalance');
    expect(html).not.toContain('Every view starts');
    // The app's code still travels early: the page's own data is in it, not its code.
    expect(html).toContain(
      '<link rel="preload" as="script" crossorigin href="/assets/start-c3.js">',
    );
    expect(html).toContain('<link rel="expect" href="#prerendered" blocking="render" />');
    expect(html).toContain('<script type="module" crossorigin src="/assets/index-a1.js">');
  });

  it('marks a wall on the document, so it holds still without scroll bars before any script', () => {
    expect(fillTemplate(TEMPLATE, { ...page, view: 'wall' })).toContain(
      '<html lang="zh-CN" data-theme="dark" data-view="wall">',
    );
  });

  it('says what the link shows in its description and Open Graph tags, escaped', () => {
    const html = fillTemplate(
      TEMPLATE.replace(
        '</title>',
        '</title>\n    <meta\n      name="description"\n      content="default"\n    />',
      ),
      page,
    )!;
    const escaped = 'BTCUSDT &quot;pool&quot; &amp; &lt;co&gt;';
    expect(html).toContain(`<meta name="description" content="${escaped}" />`);
    expect(html).not.toContain('content="default"');
    expect(html).toContain('<meta property="og:title" content="保险基金余额 · &lt;U本位&gt;" />');
    expect(html).toContain(`<meta property="og:description" content="${escaped}" />`);
    expect(html.match(/name="description"/g)).toHaveLength(1);
  });

  it('paints a list too long to parse at once as it comes, without waiting for all of it', () => {
    const long = {
      ...page,
      html: `<main>${'<article data-testid="pool">X</article>'.repeat(8000)}</main>`,
    };
    expect(long.html.length).toBeGreaterThan(HOLD_PAINT_MAX_CHARS);
    expect(fillTemplate(TEMPLATE, long)).not.toContain('rel="expect"');
  });

  it('is left alone when it has no place for the render', () => {
    expect(fillTemplate(TEMPLATE.replace('<div id="root"></div>', ''), page)).toBeUndefined();
  });

  it('carries its stylesheet inside, allowed by hash in the policy and nothing wider', () => {
    const styles = inlineStyles(TEMPLATE, (href) =>
      href === '/assets/index-b2.css' ? CSS : undefined,
    );
    const html = fillTemplate(TEMPLATE, page, styles)!;
    expect(html).toContain(`<style>${CSS}</style>`);
    expect(html).not.toContain('index-b2.css');
    const hash = createHash('sha256').update(CSS).digest('base64');
    expect(allowStyles(CSP, styles)).toBe(
      `default-src 'self'; script-src 'self'; style-src 'self' 'sha256-${hash}'; object-src 'none'`,
    );
  });

  it('keeps a stylesheet that refers to other files, or could end its element, as a link', () => {
    for (const css of ['body{background:url(a.png)}', 'a{}</style><script>x</script>'])
      expect(inlineStyles(TEMPLATE, () => css)).toEqual([]);
    expect(allowStyles(CSP, [])).toBe(CSP);
  });
});

describe('Accept-Language', () => {
  it('lists the tags most wanted first and drops what is not a tag', () => {
    expect(acceptedLanguages('en;q=0.5, zh-CN, zh;q=0.9, *;q=0.1, x y')).toEqual([
      'zh-CN',
      'zh',
      'en',
    ]);
    expect(acceptedLanguages('fr;q=0, de')).toEqual(['de']);
    expect(acceptedLanguages(undefined)).toEqual([]);
  });
});

describe('Sec-CH-Prefers-Color-Scheme', () => {
  it('reads the quoted scheme and nothing else', () => {
    expect(colorSchemeOf('"dark"')).toBe('dark');
    expect(colorSchemeOf('light')).toBe('light');
    expect(colorSchemeOf('"dim"')).toBeUndefined();
    expect(colorSchemeOf(undefined)).toBeUndefined();
  });
});

describe('the server bundle', () => {
  it('is built beside the client, outside what the server serves', () => {
    expect(serverOutDir('dist')).toBe('dist-server');
    expect(serverOutDir('/srv/app/out/')).toBe('/srv/app/out-server');
  });
});
