import { createHash } from 'node:crypto';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PrerenderOutput } from '../../src/core/prerender.ts';
import type { Answer } from '../proxy/insurance-proxy.ts';
import {
  acceptedLanguages,
  allowStyles,
  colorSchemeOf,
  createPrerender,
  fillTemplate,
  HOLD_PAINT_MAX_CHARS,
  inlineStyles,
  serverOutDir,
  type PrerenderOptions,
  type ServerEntry,
} from './prerender.ts';

const TEMPLATE = `<!doctype html>
<html lang="en">
  <head>
    <title>Insurance fund balances</title>
    <!-- Every view starts with the pool list: ask for it while the scripts load. -->
    <link rel="preload" href="/fapi/v1/insuranceBalance" as="fetch" crossorigin="anonymous" />
    <script type="module" crossorigin src="/assets/index-a1.js"></script>
    <link rel="stylesheet" crossorigin href="/assets/index-b2.css">
  </head>
  <body>
    <div id="root"></div>
  </body>
</html>
`;
const CSS = ':root{--bg:#fff}body{margin:0}';
const CSP = "default-src 'self'; script-src 'self'; style-src 'self'; object-src 'none'";

const page: PrerenderOutput = {
  html: '<main><section data-testid="pool">BTCUSDT</section></main>',
  dataId: 'prerendered',
  data: '{"renderedAt":1,"fetchedAt":1,"demo":false,"pools":[]}',
  lang: 'zh-CN',
  title: '保险基金余额 · <U本位>',
  description: 'BTCUSDT "pool" & <co>',
  theme: 'dark',
};

describe('the page template', () => {
  it('gets the render, its data, language, theme and title, and loses the pool-list preload', () => {
    const html = fillTemplate(TEMPLATE, page)!;
    expect(html).toContain('<html lang="zh-CN" data-theme="dark">');
    expect(html).toContain('<title>保险基金余额 · &lt;U本位&gt;</title>');
    expect(html).toContain(
      `<div id="root">${page.html}</div>\n    <script type="application/json" id="prerendered">${page.data}</script>`,
    );
    expect(html).not.toContain('rel="preload"');
    expect(html).not.toContain('Every view starts');
    expect(html).toContain('<link rel="expect" href="#prerendered" blocking="render" />');
    expect(html).toContain('<script type="module" crossorigin src="/assets/index-a1.js">');
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

let server: Server | undefined;
afterEach(async () => {
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
  server = undefined;
});

function answer(status = 200, body = '[]'): Answer {
  return { status, body, demo: false, fetchedAt: 1 };
}

/** The middleware in front of a stand-in for the static server, which answers `shell`. */
async function serve(options: Partial<PrerenderOptions> & { entry?: ServerEntry | undefined }) {
  const dir = mkdtempSync(path.join(tmpdir(), 'prerender-'));
  mkdirSync(path.join(dir, 'assets'));
  writeFileSync(path.join(dir, 'index.html'), TEMPLATE);
  writeFileSync(path.join(dir, 'assets', 'index-b2.css'), CSS);
  const middleware = createPrerender({
    clientOutDir: dir,
    poolList: async () => answer(),
    load: async () => options.entry,
    ...options,
  });
  server = createServer((req, res) => {
    res.setHeader('content-security-policy', CSP);
    middleware(req, res, () => res.end('shell'));
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

const entry = (prerender: ServerEntry['prerender'] = () => page): ServerEntry => ({ prerender });
const html = { accept: 'text/html,application/xhtml+xml' };

describe('the pre-rendering middleware', () => {
  it('answers a page request with the rendered page, never cached, its style allowed', async () => {
    const render = vi.fn(() => page);
    const base = await serve({ entry: entry(render) });
    const res = await fetch(`${base}/?lang=zh-CN&view=wall`, {
      headers: {
        ...html,
        'accept-language': 'zh-CN,en;q=0.5',
        'sec-ch-prefers-color-scheme': '"dark"',
      },
    });
    const text = await res.text();
    expect(text).toContain(page.html);
    expect(text).toContain(`<style>${CSS}</style>`);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('content-security-policy')).toContain("style-src 'self' 'sha256-");
    expect(render).toHaveBeenCalledWith(
      expect.objectContaining({
        search: '?lang=zh-CN&view=wall',
        languages: ['zh-CN', 'en'],
        colorScheme: 'dark',
      }),
    );
    expect(res.headers.get('accept-ch')).toBe('Sec-CH-Prefers-Color-Scheme');
  });

  it('leaves files, API calls and other methods to the rest of the server', async () => {
    const base = await serve({ entry: entry() });
    expect(await (await fetch(`${base}/assets/index-a1.js`, { headers: html })).text()).toBe(
      'shell',
    );
    expect(await (await fetch(`${base}/`, { headers: { accept: '*/*' } })).text()).toBe('shell');
    expect(await (await fetch(`${base}/`, { method: 'POST', headers: html })).text()).toBe('shell');
  });

  it('sends the plain page when the pool list is an error, late, or unrenderable', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const cases: Partial<PrerenderOptions>[] = [
      { poolList: async () => answer(502, '{"code":-1,"msg":"down"}') },
      { poolList: () => new Promise(() => undefined), budgetMs: 50 },
      { poolList: async () => Promise.reject(new Error('boom')) },
      { load: async () => entry(() => undefined) },
      {
        load: async () =>
          entry(() => {
            throw new Error('render broke');
          }),
      },
      { load: async () => undefined },
    ];
    for (const options of cases) {
      const base = await serve(options);
      expect(await (await fetch(`${base}/`, { headers: html })).text()).toBe('shell');
      await new Promise((resolve) => server!.close(resolve));
      server = undefined;
    }
  });
});
