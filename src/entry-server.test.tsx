import { describe, expect, it } from 'vitest';
import { prerender, type PrerenderInput } from './entry-server';
import { documentedPools } from './test/documented-answers';

const NOW = Date.UTC(2026, 10, 21, 8, 0, 0);

function input(overrides: Partial<PrerenderInput> = {}): PrerenderInput {
  return {
    search: '',
    languages: ['en-US'],
    answer: { body: JSON.stringify(documentedPools), demo: false, fetchedAt: NOW - 2000 },
    now: NOW,
    ...overrides,
  };
}

describe('the server’s render of the page', () => {
  it('holds every pool, member symbol and exact balance, with the data the browser takes over', () => {
    const page = prerender(input())!;
    const cards = page.html.match(/data-testid="pool"/g) ?? [];
    expect(cards).toHaveLength(documentedPools.length);
    for (const pool of documentedPools) {
      for (const symbol of pool.symbols) expect(page.html).toContain(`>${symbol}<`);
      for (const a of pool.assets)
        expect(page.html).toContain(`data-asset="${a.asset}" data-value="${a.marginBalance}"`);
    }
    const data = JSON.parse(page.data) as { renderedAt: number; pools: unknown };
    expect(data.renderedAt).toBe(NOW);
    expect(data.pools).toEqual(documentedPools);
    expect(page.dataId).toBe('prerendered');
  });

  it('speaks the browser’s language, or the link’s, and names the tab in it', () => {
    const zh = prerender(input({ languages: ['zh-CN', 'zh', 'en'] }))!;
    expect(zh.lang).toBe('zh-CN');
    expect(zh.title).toContain('保险基金');
    expect(zh.html).toContain('保险基金');
    const linked = prerender(input({ search: '?lang=en', languages: ['zh-CN'] }))!;
    expect(linked.lang).toBe('en');
    expect(linked.title).toContain('Insurance fund');
    expect(linked.html).toContain('Insurance fund');
    expect(linked.html).not.toContain('保险基金');
    const linkedZh = prerender(input({ search: '?lang=zh-CN', languages: ['en'] }))!;
    expect(linkedZh.html).toContain('保险基金');
  });

  it('names the symbol in the title and says what a shared link shows, in the page’s language', () => {
    const en = prerender(input({ search: '?symbol=xrpusdt' }))!;
    expect(en.title).toBe('XRPUSDT · Insurance fund balances · Binance USDⓈ-M futures');
    expect(en.description).toBe(
      'XRPUSDT is covered by the XRP · ADA · TRX insurance fund pool of Binance USDⓈ-M futures (11 symbols), holding ≈ 314.15M USDT. Live balances, exact to the last digit.',
    );
    const zh = prerender(input({ search: '?symbol=xrpusdt', languages: ['zh-CN'] }))!;
    expect(zh.title).toBe('XRPUSDT · 保险基金余额 · 币安 U本位合约');
    expect(zh.description).toContain('XRPUSDT 属于币安 U本位合约的 XRP · ADA · TRX 保险基金资金池');
    const overview = prerender(input())!;
    expect(overview.title).toBe('Insurance fund balances · Binance USDⓈ-M futures');
    expect(overview.description).toMatch(/^2 pools covering 15 symbols .* holding ≈ 319\.32M USDT/);
  });

  it('fixes the theme only where the link or the view does', () => {
    expect(prerender(input())!.theme).toBeUndefined();
    expect(prerender(input({ search: '?theme=light' }))!.theme).toBe('light');
    expect(prerender(input({ search: '?view=wall' }))!.theme).toBe('dark');
    // the system's scheme, where the browser says it, for a page that follows the system
    expect(prerender(input({ colorScheme: 'dark' }))!.theme).toBe('dark');
    expect(prerender(input({ search: '?theme=light', colorScheme: 'dark' }))!.theme).toBe('light');
    expect(prerender(input({ search: '?view=wall', colorScheme: 'light' }))!.theme).toBe('dark');
    const wall = prerender(input({ search: '?view=wall' }))!;
    expect(wall.html).toContain('data-testid="wall"');
  });

  it('cannot be broken out of by what the upstream sends', () => {
    const hostile = [
      { ...documentedPools[0]!, symbols: ['</script><script>alert(1)</script>', 'BTCUSDT'] },
    ];
    const page = prerender(
      input({ answer: { ...input().answer, body: JSON.stringify(hostile) } }),
    )!;
    expect(page.data).not.toMatch(/<\/script/i);
    expect(page.html).not.toContain('<script>');
    expect((JSON.parse(page.data) as { pools: unknown }).pools).toEqual(hostile);
  });

  it('renders nothing from an answer that is not a pool list', () => {
    for (const body of ['{"code":-1121,"msg":"Invalid symbol."}', '[{"symbols":"BTCUSDT"}]', '[1]'])
      expect(prerender(input({ answer: { ...input().answer, body } }))).toBeUndefined();
  });
});
