import { afterEach, describe, expect, it } from 'vitest';
import { createProxy } from '../proxy/proxy.ts';
import { startStandIn, type StandIn } from '../proxy/test-servers.ts';
import { createMetrics } from './metrics.ts';
import { findPromtool, promtool } from './test-promtool.ts';

const POOLS = JSON.stringify([
  {
    symbols: ['BTCUSDT', 'ETHUSDT', 'BNBUSDT', 'SOLUSDT', 'XRPUSDT'],
    assets: [
      { asset: 'USDT', marginBalance: '793930579.315848', updateTime: 1764633602000 },
      { asset: 'BTC', marginBalance: '12.5', updateTime: 1764633602000 },
    ],
  },
  {
    symbols: ['DOGEUSDT'],
    assets: [{ asset: 'USDC', marginBalance: '1000.25', updateTime: 1764633602000 }],
  },
]);
const INDEX = JSON.stringify([
  { symbol: 'USDTUSD', index: '1', time: 1764633600000 },
  { symbol: 'BTCUSD', index: '90000', time: 1764633600000 },
]);

let upstream: StandIn | undefined;
afterEach(() => upstream?.close());

export async function sampleMetrics(): Promise<string> {
  upstream = await startStandIn();
  upstream.answer((url) => ({ status: 200, body: url.includes('assetIndex') ? INDEX : POOLS }));
  const proxy = createProxy({ upstream: upstream.url, cacheTtlMs: 5_000, log: () => undefined });
  const metrics = createMetrics({
    proxy,
    history: () => ({
      state: 'ok',
      lastRecordingAt: 1764633603000,
      alerts: { firing: { 'BTC fund falls': 1, 'No fresh data': 0 } },
    }),
    ratings: async () => [
      { symbol: 'BTCUSDT', level: 'high', updateTime: 1 },
      { symbol: 'DOGEUSDT', level: 'low', updateTime: 1 },
      { symbol: 'NEWUSDT', level: 'unknown', updateTime: 1 },
    ],
  });
  await metrics.text();
  return metrics.text();
}

describe('GET /metrics', () => {
  it('gives each pool’s balances and value under its short name, the ratings, times and alerts', async () => {
    const text = await sampleMetrics();
    expect(text).toContain(
      'insurance_fund_balance{pool="BTC · ETH · BNB",asset="USDT"} 793930579.315848',
    );
    expect(text).toContain('insurance_fund_balance{pool="BTC · ETH · BNB",asset="BTC"} 12.5');
    expect(text).toContain('insurance_fund_usd_value{pool="BTC · ETH · BNB"} 795055579.315848');
    expect(text).not.toContain('insurance_fund_usd_value{pool="DOGE"}');
    expect(text).not.toContain('XRPUSDT');
    expect(text).toContain('insurance_adl_rating{symbol="BTCUSDT"} 2');
    expect(text).toContain('insurance_adl_rating{symbol="DOGEUSDT"} 0');
    expect(text).not.toContain('NEWUSDT');
    expect(text).toContain('insurance_last_recording_timestamp_seconds 1764633603');
    expect(text).toMatch(/insurance_last_snapshot_timestamp_seconds \d{10}/);
    expect(text).toContain('insurance_upstream_up 1');
    expect(text).toContain('insurance_alerts_firing{rule="BTC fund falls"} 1');
    expect(text).toContain('insurance_proxy_requests_total{outcome="miss"} 2');
    expect(text).toContain('insurance_proxy_requests_total{outcome="hit"} 2');
  });

  const tool = findPromtool();
  it.skipIf(!tool.found)('is what promtool check metrics accepts', async () => {
    const text = await sampleMetrics();
    const r = promtool(['check', 'metrics'], text);
    expect(r.output).toBe('');
    expect(r.status).toBe(0);
  });
});
