import { readFile, readdir } from 'node:fs/promises';
import { connect } from 'node:net';
import { join } from 'node:path';
import { APP_PORT, OUT_DIR } from '../playwright.config.ts';
import { startApp, type RunningApp } from './app-server.ts';
import { expect, test, watchPageErrors } from './fixtures';

interface RawAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/**
 * One request written byte for byte on a socket: `fetch` and `http.request` normalise or refuse
 * the very paths an attacker would send.
 */
function raw(port: number, method: string, target: string, host = `127.0.0.1:${port}`) {
  return new Promise<RawAnswer>((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let text = '';
    socket.setEncoding('latin1');
    socket.setTimeout(5_000, () => socket.destroy(new Error(`no answer to ${method} ${target}`)));
    socket.on('data', (chunk: string) => (text += chunk));
    socket.on('error', reject);
    socket.on('close', () => {
      const [head = '', ...rest] = text.split('\r\n\r\n');
      const [statusLine = '', ...lines] = head.split('\r\n');
      const headers: Record<string, string> = {};
      for (const line of lines) {
        const at = line.indexOf(':');
        if (at > 0) headers[line.slice(0, at).toLowerCase()] = line.slice(at + 1).trim();
      }
      resolve({
        status: Number(statusLine.split(' ')[1] ?? 0),
        headers,
        body: rest.join('\r\n\r\n'),
      });
    });
    socket.write(
      `${method} ${target} HTTP/1.1\r\nHost: ${host}\r\nAccept: */*\r\nConnection: close\r\n` +
        `${method === 'POST' || method === 'PUT' || method === 'PATCH' ? 'Content-Length: 2\r\n\r\n{}' : '\r\n'}`,
    );
  });
}

const ENDPOINT = '/fapi/v1/insuranceBalance';

/** Every way we know to spell a path other than the one forwarded. */
const OTHER_PATHS = [
  '/fapi/v1/order',
  '/fapi/v2/account',
  '/FAPI/V1/ORDER',
  `${ENDPOINT}/../order`,
  `${ENDPOINT}/..%2Forder`,
  `${ENDPOINT}%2F..%2Forder`,
  `${ENDPOINT}%252F..%252Forder`,
  `${ENDPOINT}%25252F..%25252Forder`,
  '/fapi%2Fv1%2Forder',
  '/%66api/v1/order',
  '/%2566api/v1/order',
  '//fapi/v1/order',
  `/${ENDPOINT}`,
  '/fapi/v1//order',
  '/fapi/v1/./order',
  '/assets/../fapi/v1/order',
  '/..%2Ffapi/v1/order',
  '/%2e%2e/fapi/v1/order',
  '/fapi\\v1\\order',
  '/fapi%5Cv1%5Corder',
  `${ENDPOINT};/../order`,
  `${ENDPOINT}%3F/../order`,
  `${ENDPOINT}%00`,
  `${ENDPOINT}/`,
  `${ENDPOINT}.json`,
  '/fapi/v1/insuranceBalance%23',
  'http://127.0.0.1/fapi/v1/order',
  'http://fapi.binance.com/fapi/v1/order',
  `http://fapi.binance.com${ENDPOINT}`,
  '*',
];

/** Queries on the one path that must be refused before the upstream is asked. */
const REFUSED_QUERIES = [
  'symbol=BTCUSDT&symbol=ETHUSDT',
  'symbol=..%2F..%2Ffapi%2Fv1%2Forder',
  'symbol=BTCUSDT%26timestamp%3D1%26signature%3Dx',
  'symbol=BTC%0D%0AX-Injected:%201',
  'symbol=%00',
  'symbol=%3Cscript%3E',
  `symbol=${'A'.repeat(5000)}`,
  'symbol=BTC%2FUSDT',
  'symbol=%252e%252e%252f',
];

test.describe('the proxy', () => {
  test('reaches no other path of the upstream, however it is spelled, and only by GET', async ({
    stack,
  }) => {
    const port = Number(new URL(stack.baseURL).port);
    const upstream = stack.upstream!;
    const outcomes: string[] = [];
    for (const target of OTHER_PATHS) {
      const answer = await raw(port, 'GET', target);
      outcomes.push(`GET ${target} -> ${answer.status}`);
      expect(answer.headers['x-demo-data'], target).toBeUndefined();
      expect(answer.body, target).not.toContain('"symbols"');
    }
    for (const method of [
      'POST',
      'PUT',
      'DELETE',
      'PATCH',
      'OPTIONS',
      'HEAD',
      'TRACE',
      'PROPFIND',
    ]) {
      const answer = await raw(port, method, `${ENDPOINT}?symbol=BTCUSDT`);
      outcomes.push(`${method} ${ENDPOINT} -> ${answer.status}`);
      expect(answer.status, method).toBe(405);
      expect(answer.headers.allow).toBe('GET');
    }
    for (const query of REFUSED_QUERIES) {
      const answer = await raw(port, 'GET', `${ENDPOINT}?${query}`);
      outcomes.push(`GET ?${query.slice(0, 40)} -> ${answer.status}`);
      expect(answer.status, query).toBe(400);
      expect(JSON.parse(answer.body), query).toMatchObject({
        msg: expect.stringMatching(/symbol/i),
      });
    }
    expect(upstream.stats.requests, outcomes.join('\n')).toBe(0);
    // The one open path does reach it: the count above could have moved.
    const open = await raw(port, 'GET', `${ENDPOINT}?symbol=btcusdt`);
    expect(open.status).toBe(200);
    expect(upstream.stats.requests).toBe(1);
  });
});

test.describe('the served pages', () => {
  test('carry a CSP without inline script, nosniff, no referrer and no framing', async ({
    request,
  }) => {
    for (const path of ['/', '/?view=wall', '/some/deep/link', ENDPOINT]) {
      const res = await request.get(path);
      const headers = res.headers();
      const csp = headers['content-security-policy'] ?? '';
      expect(csp, path).toMatch(/(^|; )script-src 'self'(;|$)/);
      expect(csp, path).toMatch(/(^|; )frame-ancestors 'none'(;|$)/);
      expect(csp, path).not.toContain('unsafe-inline');
      expect(headers['x-content-type-options'], path).toBe('nosniff');
      expect(headers['referrer-policy'], path).toBe('no-referrer');
      expect(headers['x-frame-options'], path).toBe('DENY');
    }
  });

  test('the built index.html holds no inline script or inline handler', async () => {
    const html = await readFile(join(OUT_DIR, 'index.html'), 'utf8');
    const scripts = html.match(/<script\b[^>]*>/gi) ?? [];
    expect(scripts.length).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag).toMatch(/\bsrc="\/assets\/[^"]+\.js"/);
    expect(html).not.toMatch(/<script\b[^>]*>\s*[^<\s]/i);
    expect(html).not.toMatch(/\son[a-z]+\s*=/i);
    expect(html).not.toMatch(/javascript:/i);
  });

  test('the app works under the CSP, and the CSP does stop an injected inline script', async ({
    page,
  }) => {
    const errors = watchPageErrors(page);
    const violations: string[] = [];
    page.on('console', (m) => {
      if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
    });
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) => {
        const w = window as unknown as { cspViolations?: string[] };
        (w.cspViolations ??= []).push(`${e.violatedDirective} ${e.blockedURI}`);
      });
    });
    for (const path of [
      '/?lang=en',
      '/?lang=zh-CN&theme=dark',
      '/?symbol=BTCUSDT&lang=en',
      '/?view=wall&lang=en',
    ]) {
      await page.goto(path);
      await expect(page.getByTestId('freshness')).toHaveAttribute('data-state', /live|stale/);
      await expect(page.getByTestId('balance').first()).toBeVisible();
      // Lazy chunks (the charts) load too before the count is taken.
      await page.waitForLoadState('networkidle');
      expect(
        await page.evaluate(() => (window as { cspViolations?: string[] }).cspViolations ?? []),
        path,
      ).toEqual([]);
    }
    expect(violations).toEqual([]);
    // Markup that slipped into the page could not run: an inline script is refused.
    const ran = await page.evaluate(async () => {
      const script = document.createElement('script');
      script.textContent = 'window.injectedRan = true';
      document.body.append(script);
      await new Promise((r) => setTimeout(r, 100));
      return (window as { injectedRan?: boolean }).injectedRan === true;
    });
    expect(ran).toBe(false);
    await expect
      .poll(() => page.evaluate(() => (window as { cspViolations?: string[] }).cspViolations ?? []))
      .toContainEqual(expect.stringMatching(/^script-src/));
    expect(errors).toEqual([]);
  });

  test('cannot be framed by another page', async ({ page, baseURL }) => {
    const refused = page.waitForEvent('console', (m) => /frame-ancestors/.test(m.text()));
    await page.setContent(`<iframe id="f" src="${baseURL}/"></iframe>`);
    await refused;
    await expect(page.frameLocator('#f').getByTestId('freshness')).toHaveCount(0);
  });
});

test.describe('no markup from data', () => {
  test('no source file writes HTML from strings', async () => {
    const files = (await readdir('src', { recursive: true })).filter(
      (f) => /\.tsx?$/.test(f) && !/\.test\.tsx?$/.test(f),
    );
    expect(files.length).toBeGreaterThan(10);
    for (const file of files) {
      const text = await readFile(join('src', file), 'utf8');
      expect(text, file).not.toMatch(
        /dangerouslySetInnerHTML|\.innerHTML\s*=|\.outerHTML\s*=|insertAdjacentHTML|document\.write|\beval\(|new Function\(/,
      );
    }
  });
});

test.describe('the host check', () => {
  test('the server refuses a Host it does not know, with its security headers', async () => {
    const foreign = await raw(APP_PORT, 'GET', '/', 'evil.example');
    expect(foreign.status).toBe(403);
    expect(foreign.body).toContain('does not answer to the name');
    expect(foreign.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(foreign.headers['x-content-type-options']).toBe('nosniff');
    const api = await raw(APP_PORT, 'GET', ENDPOINT, `evil.example:${APP_PORT}`);
    expect(api.status).toBe(403);
    expect((await raw(APP_PORT, 'GET', '/')).status).toBe(200);
    expect((await raw(APP_PORT, 'GET', '/', `localhost:${APP_PORT}`)).status).toBe(200);
  });

  test.describe('on a LAN, with FAPI_ALLOWED_HOSTS', () => {
    let server: RunningApp;
    let port: number;
    test.beforeAll(async () => {
      server = await startApp({ FAPI_ALLOWED_HOSTS: 'wall.example.lan, .screens.example.lan' });
      port = server.port;
    });
    test.afterAll(async () => {
      await server?.close();
    });

    test('answers the names it was given and refuses every other', async () => {
      for (const host of ['wall.example.lan', 'lobby.screens.example.lan', '127.0.0.1'])
        expect((await raw(port, 'GET', '/', `${host}:${port}`)).status, host).toBe(200);
      for (const host of ['evil.example', 'wall.example.lan.evil.example', 'example.lan'])
        expect((await raw(port, 'GET', '/', `${host}:${port}`)).status, host).toBe(403);
    });
  });
});
