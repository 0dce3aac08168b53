import { describe, expect, it } from 'vitest';
import { proxyTestbed } from './test-servers.ts';

const bed = proxyTestbed({ cacheTtlMs: 0 });
const start = bed.start;

describe('the upstream budget', () => {
  it('never lets one client cycling through symbols starve the pool list', async () => {
    const p = await start({ weightPerMinute: 20, lookupShare: 0.5 });
    bed.upstream.answer((url) =>
      url.includes('symbol=')
        ? { status: 200, body: '{"symbols":["X"],"assets":[]}' }
        : { status: 200, body: '[]' },
    );
    const lookups = [];
    for (let i = 0; i < 30; i += 1)
      lookups.push((await p.get(`/fapi/v1/insuranceBalance?symbol=S${i}USDT`)).status);
    expect(lookups.filter((s) => s === 200)).toHaveLength(10);
    expect(lookups.filter((s) => s === 429)).toHaveLength(20);
    // Every viewer still gets the pool list: the lookups could not spend its share.
    for (let i = 0; i < 10; i += 1)
      expect((await p.get('/fapi/v1/insuranceBalance')).status).toBe(200);
    const over = await p.get('/fapi/v1/insuranceBalance?symbol=ZUSDT');
    expect(over.headers.get('x-proxy-error')).toBe('over-budget');
    expect(Number(over.headers.get('retry-after'))).toBe(60);
    expect(((await over.json()) as { msg: string }).msg).toMatch(
      /Symbol lookups have spent 10 of 10/,
    );
  });

  it('lets a lookup that needs the pool list pay for it from the lookups’ share', async () => {
    // With a cache, a lookup is answered from the list, but a list call it causes is its own.
    const p = await start({ cacheTtlMs: 1_000, weightPerMinute: 4, lookupShare: 0.5 });
    bed.upstream.answer(() => ({ status: 500, body: '{"code":-1000,"msg":"down"}' }));
    for (let i = 0; i < 5; i += 1) {
      await p.get(`/fapi/v1/insuranceBalance?symbol=S${i}USDT`);
      p.clock.t += 1_001;
    }
    expect(bed.upstream.seen).toHaveLength(2);
    bed.upstream.answer(() => ({ status: 200, body: '[]' }));
    expect((await p.get('/fapi/v1/insuranceBalance')).status).toBe(200);
  });

  it('counts the full asset index at its weight of 10', async () => {
    const p = await start({ weightPerMinute: 25 });
    bed.upstream.answer(() => ({ status: 200, body: '[]' }));
    expect((await p.get('/fapi/v1/assetIndex')).status).toBe(200);
    expect((await p.get('/fapi/v1/assetIndex')).status).toBe(200);
    expect((await p.get('/fapi/v1/assetIndex')).status).toBe(429);
    expect(p.proxy.status().budget.weightLastMinute).toBe(20);
  });

  it('slows down before the exchange’s own limit, as its X-MBX-USED-WEIGHT-1M reports', async () => {
    const p = await start({});
    let used = 1000;
    bed.upstream.answer(() => ({
      status: 200,
      body: '[]',
      headers: { 'x-mbx-used-weight-1m': String(used) },
    }));
    expect((await p.get('/fapi/v1/insuranceBalance?symbol=AUSDT')).status).toBe(200);
    used = 2000; // over 80 % of 2400: lookups wait for the next minute, the list goes on
    await p.get('/fapi/v1/insuranceBalance');
    const lookup = await p.get('/fapi/v1/insuranceBalance?symbol=BUSDT');
    expect(lookup.status).toBe(429);
    expect(((await lookup.json()) as { msg: string }).msg).toMatch(/2000 of 2400/);
    used = 2300; // over 95 %: nothing more this minute
    expect((await p.get('/fapi/v1/insuranceBalance')).status).toBe(200);
    const list = await p.get('/fapi/v1/insuranceBalance');
    expect(list.status).toBe(429);
    expect(Number(list.headers.get('retry-after'))).toBe(60);
    expect(bed.upstream.seen).toHaveLength(3);
    p.clock.t += 60_000;
    used = 3;
    expect((await p.get('/fapi/v1/insuranceBalance?symbol=CUSDT')).status).toBe(200);
  });
});
