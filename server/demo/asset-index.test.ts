import { afterEach, describe, expect, it } from 'vitest';
import { assetIndexEntrySchema, assetIndexListSchema } from '../../src/core/valuation.ts';
import { compareDecimals, multiplyDecimals, subtractDecimals } from '../../src/core/decimal.ts';
import { demoIndexAt } from './asset-index.ts';
import { startDemoUpstream, type DemoUpstream } from './upstream.ts';

let upstream: DemoUpstream | undefined;
afterEach(async () => {
  await upstream?.close();
  upstream = undefined;
});

const t = Date.parse('2026-03-27T08:00:00Z');
const PATH = '/fapi/v1/assetIndex';

describe('the demo asset index', () => {
  it('has an <ASSET>USD entry for the demo pools’ assets, and none for BNFCR', () => {
    const symbols = demoIndexAt(t).map((e) => e.symbol);
    expect(symbols).toEqual(expect.arrayContaining(['USDTUSD', 'USDCUSD', 'BTCUSD', 'BNBUSD']));
    expect(symbols).toContain('ETHUSD');
    expect(symbols).not.toContain('BNFCRUSD');
  });

  it('writes every figure as an exact 8-decimal string, the rates around the index by their buffers', () => {
    for (const e of demoIndexAt(t)) {
      for (const field of ['index', 'bidBuffer', 'askRate', 'autoExchangeBidRate'] as const)
        expect(e[field]).toMatch(/^\d+\.\d{8}$/);
      const bidFloor = multiplyDecimals(e.index, subtractDecimals('1', e.bidBuffer));
      expect(compareDecimals(e.bidRate, bidFloor)).toBeLessThanOrEqual(0);
      expect(compareDecimals(subtractDecimals(bidFloor, e.bidRate), '0.00000001')).toBeLessThan(0);
      expect(compareDecimals(e.askRate, e.index)).toBeGreaterThan(0);
    }
  });

  it('stays at realistic levels and moves a little from step to step, the same for the same time', () => {
    const btc = (at: number) => demoIndexAt(at).find((e) => e.symbol === 'BTCUSD')!;
    const usdt = (at: number) => demoIndexAt(at).find((e) => e.symbol === 'USDTUSD')!;
    expect(Number(btc(t).index)).toBeGreaterThan(90_000);
    expect(Number(btc(t).index)).toBeLessThan(100_000);
    expect(Math.abs(Number(usdt(t).index) - 1)).toBeLessThan(0.001);
    expect(btc(t + 5_000).index).not.toBe(btc(t).index);
    expect(Math.abs(Number(btc(t + 5_000).index) / Number(btc(t).index) - 1)).toBeLessThan(0.001);
    expect(demoIndexAt(t + 1_234)).toEqual(demoIndexAt(t));
    expect(btc(t + 1_234).time).toBe(t);
  });
});

describe('the demo upstream’s asset index path', () => {
  it('answers every entry, one entry for a symbol, and -1121 for an unknown one', async () => {
    upstream = await startDemoUpstream({ stepMs: 1000 });
    const all = await fetch(`${upstream.url}${PATH}`);
    expect(all.headers.get('x-demo-data')).toBe('1');
    expect(assetIndexListSchema.parse(await all.json()).length).toBeGreaterThanOrEqual(4);
    const one = await fetch(`${upstream.url}${PATH}?symbol=BTCUSD`);
    const body = (await one.json()) as Record<string, unknown>;
    expect(assetIndexEntrySchema.parse(body).symbol).toBe('BTCUSD');
    expect(Object.keys(body)).toEqual(
      expect.arrayContaining(['bidBuffer', 'askRate', 'autoExchangeAskBuffer']),
    );
    for (const symbol of ['BNFCRUSD', 'BTCUSDT', 'nope']) {
      const unknown = await fetch(`${upstream.url}${PATH}?symbol=${symbol}`);
      expect(unknown.status).toBe(400);
      expect(await unknown.json()).toEqual({ code: -1121, msg: 'Invalid symbol.' });
    }
    expect(upstream.stats).toMatchObject({ indexRequests: 5, requests: 0 });
  });

  it('takes the faults on this path alone, on every path, and leaves it alone by default', async () => {
    upstream = await startDemoUpstream();
    const index = `${upstream.url}${PATH}`;
    const pools = `${upstream.url}/fapi/v1/insuranceBalance`;
    const set = (body: unknown) =>
      fetch(`${upstream!.url}/__demo/fault`, { method: 'POST', body: JSON.stringify(body) });
    await set({ mode: 'rate-limit', retryAfter: 7, count: 1 });
    expect((await fetch(index)).status).toBe(200);
    expect((await fetch(pools)).status).toBe(429);
    expect((await fetch(pools)).status).toBe(200);
    await set({ mode: 'rate-limit', retryAfter: 7, count: 1, path: 'all' });
    expect((await fetch(index)).status).toBe(429);
    expect((await fetch(pools)).status).toBe(429);
    expect((await fetch(index)).status).toBe(200);
    await set({ mode: 'status-500', path: PATH });
    expect((await fetch(pools)).status).toBe(200);
    expect((await fetch(index)).status).toBe(500);
    await set({ mode: 'wrong-type', path: PATH });
    expect(assetIndexListSchema.safeParse(await (await fetch(index)).json()).success).toBe(false);
    await set({ mode: 'truncated', path: 'all' });
    await expect((await fetch(index)).json()).rejects.toThrow();
    await set({ mode: 'none' });
    expect((await fetch(index)).status).toBe(200);
    expect((await set({ mode: 'ban', path: '/fapi/v1/ticker' })).status).toBe(400);
  });
});
