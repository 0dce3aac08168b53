// @vitest-environment jsdom
import { act } from '@testing-library/react';
import { hydrateRoot, type Root as ReactRoot } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { prerender } from '../entry-server';
import type { Pool } from '../core/pool-schema';
import { FIRST_ROWS } from '../lib/use-near-rows';
import { documentedPools } from '../test/documented-answers';
import { PRERENDER_ID, readPrerendered, seedPools } from './prerender';
import { createQueryClient } from './query-client';
import { Root } from './root';

const NOW = Date.now();
let root: ReactRoot | undefined;
beforeEach(() => {
  vi.stubGlobal('matchMedia', (query: string) => ({
    matches: false,
    media: query,
    addEventListener: () => undefined,
    removeEventListener: () => undefined,
  }));
});
afterEach(() => {
  vi.unstubAllGlobals();
  act(() => root?.unmount());
  root = undefined;
  document.body.innerHTML = '';
});

/** The server's page for `search`, taken over by the browser as src/app/start.tsx does. */
async function hydrate(
  search: string,
  pools: readonly Pool[] = documentedPools,
  browser: () => void = () => undefined,
) {
  window.history.replaceState(null, '', `/${search}`);
  const page = prerender({
    search,
    languages: [...navigator.languages],
    answer: { body: JSON.stringify(pools), demo: true, fetchedAt: NOW - 1000 },
    now: NOW,
  })!;
  document.body.innerHTML = `<div id="root">${page.html}</div><script type="application/json" id="${PRERENDER_ID}">${page.data}</script>`;
  const container = document.getElementById('root')!;
  const serverMarkup = container.innerHTML;
  browser();
  const prerendered = readPrerendered(document.getElementById(PRERENDER_ID)?.textContent)!;
  const client = createQueryClient();
  seedPools(client, prerendered);
  const fetchSpy = vi.spyOn(globalThis, 'fetch');
  const mended = vi.fn();
  await act(async () => {
    root = hydrateRoot(
      container,
      <Root
        client={client}
        seed={{ search: window.location.search, now: prerendered.renderedAt }}
      />,
      { onRecoverableError: mended },
    );
  });
  return { container, serverMarkup, mended, fetchSpy };
}

describe('taking over the server’s page', () => {
  for (const search of ['', '?lang=zh-CN', '?sort=members&dir=asc', '?theme=dark', '?view=wall']) {
    it(`keeps the server’s markup and asks for nothing: /${search}`, async () => {
      const { container, mended, fetchSpy } = await hydrate(search);
      expect(mended).not.toHaveBeenCalled();
      expect(fetchSpy).not.toHaveBeenCalledWith(
        expect.stringMatching(/insuranceBalance$/),
        expect.anything(),
      );
      expect(container.querySelector('[data-testid="demo-badge"]')).not.toBeNull();
    });
  }

  it('shows every pool the server showed, balances exact', async () => {
    const { container } = await hydrate('');
    const cards = container.querySelectorAll('[data-testid="pool"]');
    expect(cards).toHaveLength(documentedPools.length);
    const values = [...container.querySelectorAll('[data-testid="balance"]')].map((b) =>
      b.getAttribute('data-value'),
    );
    for (const pool of documentedPools)
      for (const a of pool.assets) expect(values).toContain(a.marginBalance);
  });

  it('sends its buttons disabled, as they need the app, and enables them once it has taken over', async () => {
    const { container, serverMarkup } = await hydrate('');
    const page = document.createElement('div');
    page.innerHTML = serverMarkup;
    const needApp = (root: Element) =>
      [...root.querySelectorAll('button')].filter((b) => b.getAttribute('type') !== 'submit');
    // Sorting by a column, opening a long member list: a click before the app would do nothing.
    expect(needApp(page).length).toBeGreaterThan(5);
    for (const button of needApp(page)) expect(button.outerHTML).toContain(' disabled');
    expect(needApp(container).length).toBe(needApp(page).length);
    for (const button of needApp(container)) expect(button.disabled).toBe(false);
    // The search works before the app: it is a form that asks the server.
    expect(page.querySelector('button[type="submit"]')?.hasAttribute('disabled')).toBe(false);
  });

  it('writes the local time, which the server cannot know, once it has taken over', async () => {
    const { container, serverMarkup } = await hydrate('');
    expect(serverMarkup).not.toMatch(/\d\d:\d\d:\d\d(?! UTC)/);
    expect(container.querySelector('[data-testid="freshness"]')?.textContent).toMatch(
      /\d\d:\d\d:\d\d/,
    );
  });

  it('takes over a list of 150 pools as the server sent it: the first rows drawn, the rest held with every member', async () => {
    // The server cannot watch the screen; the browser can, and has not said yet what is on it.
    expect(globalThis.IntersectionObserver).toBeUndefined();
    const watching = () =>
      vi.stubGlobal(
        'IntersectionObserver',
        class {
          observe() {}
          disconnect() {}
        },
      );
    const pools: Pool[] = Array.from({ length: 150 }, (_, i) => ({
      symbols: [`P${i}AUSDT`, `P${i}BUSDT`],
      assets: [{ asset: 'USDT', marginBalance: `${1000 + i}.25`, updateTime: NOW - 60_000 }],
    }));
    const { container, serverMarkup, mended } = await hydrate('?sort=name', pools, watching);
    expect(mended).not.toHaveBeenCalled();
    const rows = [...container.querySelectorAll('[data-testid="pool"]')];
    expect(rows).toHaveLength(150);
    for (const pool of pools) expect(container.textContent).toContain(pool.symbols[1]);
    const drawn = rows.filter((r) => r.querySelector('[data-testid="balance"]'));
    expect(drawn).toHaveLength(FIRST_ROWS);
    expect(rows.filter((r) => r.getAttribute('aria-busy') === 'true')).toHaveLength(
      150 - FIRST_ROWS,
    );
    // The server sent the same rows held: no figure of a far pool in its markup.
    expect(serverMarkup.match(/data-testid="balance"/g)).toHaveLength(FIRST_ROWS);
  });

  it('keeps what the reader typed into the search before the app took over, and acts on it', async () => {
    const typeEarly = () => {
      const field = document.querySelector<HTMLInputElement>('input[role="combobox"]')!;
      field.value = 'link';
    };
    const { container } = await hydrate('', documentedPools, typeEarly);
    const field = container.querySelector<HTMLInputElement>('input[role="combobox"]')!;
    expect(field.value).toBe('link');
    expect(field.getAttribute('aria-expanded')).toBe('true');
    const options = [...container.querySelectorAll('[role="option"]')].map((o) => o.textContent);
    expect(options[0]).toContain('LINKUSDT');
    // The pool list is narrowed to what was typed, and the link says so.
    expect(window.location.search).toContain('filter=link');
  });

  it('acts on a theme and a sort chosen in the server’s page before the app took over', async () => {
    const chooseEarly = () => {
      const [, theme] = document.querySelectorAll<HTMLSelectElement>('select');
      theme!.value = 'dark';
      const sort = [...document.querySelectorAll<HTMLSelectElement>('select')].find((s) =>
        [...s.options].some((o) => o.value === 'members'),
      )!;
      sort.value = 'members';
    };
    await hydrate('?theme=light', documentedPools, chooseEarly);
    const params = new URLSearchParams(window.location.search);
    expect(params.get('theme')).toBe('dark');
    expect(params.get('sort')).toBe('members');
    expect(document.documentElement.getAttribute('data-theme')).toBe('dark');
  });

  it('changes nothing of a link the fields could not show as written', async () => {
    // A text field drops line breaks, and a list cannot show a sort it does not offer: what the
    // field shows then differs from the link without the reader having touched anything.
    const { container } = await hydrate('?symbol=BTCUSDT%0D%0AX-Injected:%201&sort=changeVs');
    expect(new URLSearchParams(window.location.search).get('filter')).toBeNull();
    expect(new URLSearchParams(window.location.search).get('sort')).toBe('changeVs');
    expect(container.querySelectorAll('[data-testid="pool"]').length).toBe(documentedPools.length);
  });
});
