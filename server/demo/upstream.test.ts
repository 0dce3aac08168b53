import { afterEach, describe, expect, it } from 'vitest';
import { poolListSchema, poolSchema } from '../../src/core/pool-schema.ts';
import { createMarket, formatUnits, parseUnits, seededRandom, stepMarket } from './market.ts';
import { startDemoUpstream, type DemoUpstream } from './upstream.ts';

let upstream: DemoUpstream | undefined;
afterEach(async () => {
  await upstream?.close();
  upstream = undefined;
});

describe('the demo market', () => {
  it('looks like the live answer: ~40 pools, 500 unique symbols, the documented majors pool', () => {
    const pools = createMarket({ now: Date.parse('2026-11-21T00:00:00Z') });
    const symbols = pools.flatMap((p) => p.symbols);
    expect(pools).toHaveLength(40);
    expect(symbols).toHaveLength(500);
    expect(new Set(symbols).size).toBe(500);
    expect(pools[0]!.assets.map((a) => a.asset)).toEqual(['USDC', 'USDT', 'BTC', 'BNFCR']);
    expect(symbols).toEqual(
      expect.arrayContaining([
        'BTCUSDT_260327',
        'ETHBTC',
        '1000PEPEUSDT',
        '币安人生USDT',
        'DOGEUSDC',
      ]),
    );
  });

  it('scales to ten times the live answer', () => {
    const pools = createMarket({ pools: 600, symbols: 6000 });
    expect(pools).toHaveLength(600);
    expect(new Set(pools.flatMap((p) => p.symbols)).size).toBe(6000);
  });

  it('keeps balances exact through formatting and moves them, except the frozen pool', () => {
    expect(formatUnits(parseUnits('793930579.315848'), 6)).toBe('793930579.315848');
    expect(formatUnits(parseUnits('12.50000000'), 8)).toBe('12.5');
    const pools = createMarket();
    const before = pools.map((p) => p.assets.map((a) => a.units));
    const random = seededRandom(7);
    for (let i = 0; i < 5; i += 1) stepMarket(pools, random);
    const moved = pools.filter((p, i) => p.assets.some((a, j) => a.units !== before[i]![j]));
    const frozen = pools.filter((p) => p.frozenAt !== undefined);
    expect(frozen).toHaveLength(1);
    expect(moved.length).toBe(pools.length - frozen.length);
  });
});

describe('the demo upstream', () => {
  it('answers every pool, one pool for a symbol, and -1121 for an unknown symbol', async () => {
    upstream = await startDemoUpstream({ stepMs: 1000 });
    const all = await fetch(`${upstream.url}/fapi/v1/insuranceBalance`);
    expect(all.headers.get('x-demo-data')).toBe('1');
    expect(poolListSchema.parse(await all.json())).toHaveLength(40);
    const one = await fetch(
      `${upstream.url}/fapi/v1/insuranceBalance?symbol=${encodeURIComponent('币安人生USDT')}`,
    );
    expect(poolSchema.parse(await one.json()).symbols).toContain('币安人生USDT');
    const unknown = await fetch(`${upstream.url}/fapi/v1/insuranceBalance?symbol=NOPEUSDT`);
    expect(unknown.status).toBe(400);
    expect(await unknown.json()).toEqual({ code: -1121, msg: 'Invalid symbol.' });
  });

  it('switches into the real host’s failure modes and back', async () => {
    upstream = await startDemoUpstream();
    const url = `${upstream.url}/fapi/v1/insuranceBalance`;
    const set = (body: unknown) =>
      fetch(`${upstream!.url}/__demo/fault`, { method: 'POST', body: JSON.stringify(body) });
    await set({ mode: 'rate-limit', retryAfter: 7, count: 1 });
    const limited = await fetch(url);
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('7');
    expect((await fetch(url)).status).toBe(200);
    await set({ mode: 'html-502' });
    const html = await fetch(url);
    expect(html.status).toBe(502);
    expect(await html.text()).toMatch(/<html>/);
    await set({ mode: 'wrong-type' });
    expect(poolListSchema.safeParse(await (await fetch(url)).json()).success).toBe(false);
    await set({ mode: 'truncated' });
    await expect((await fetch(url)).json()).rejects.toThrow();
    await set({ mode: 'none' });
    expect((await fetch(url)).status).toBe(200);
    expect((await set({ mode: 'explode' })).status).toBe(400);
  });
});
