/**
 * The part `alerts` of `npm run bench`: what judging the rules costs the history's thread on a
 * recording of 600 pools with 20 rules, how long a recorded fall takes to reach a webhook at
 * FAPI_RECORD_EVERY=1 (the real history thread, proxy and a local receiver), and `/metrics` at
 * 600 pools.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createMarket, poolListOf, seededRandom, stepMarket } from '../server/demo/market.ts';
import { demoIndexAt } from '../server/demo/asset-index.ts';
import { startWebhookReceiver } from '../server/demo/webhook-receiver.ts';
import { readConfig } from '../server/config.ts';
import { loadHistory } from '../server/history-wiring.ts';
import { historyWithAlerts } from '../server/alerts/test-history.ts';
import { createMetricsRoute } from '../server/metrics/metrics.ts';
import { createProxy } from '../server/proxy/proxy.ts';
import { judge, ms, percentile, type Row } from './report.ts';

const POOLS = 600;
type Log = (line: string) => void;

/** 20 rules of every kind: falls over several windows, thresholds, ADL, regroupings, staleness. */
function twentyRules(url: string) {
  const rules: unknown[] = [];
  for (const [i, within] of ['1h', '24h', '90m', '7d', '30m', '1h', '24h', '15m'].entries())
    rules.push({ name: `fall ${i}`, kind: 'fall', percent: 3 + i, within });
  rules.push({
    name: 'BTC falls',
    kind: 'fall',
    symbol: 'BTCUSDT',
    asset: 'USDT',
    percent: 2,
    within: '1h',
  });
  for (const [i, usd] of [1e4, 1e5, 1e6, 1e7].entries())
    rules.push({ name: `below ${i}`, kind: 'below', usd });
  rules.push({ name: 'USDT under 50k', kind: 'below', asset: 'USDT', balance: 50_000 });
  rules.push({ name: 'USDC under 10k', kind: 'below', asset: 'USDC', balance: 10_000 });
  rules.push({ name: 'ADL high', kind: 'adl', level: 'high' });
  rules.push({ name: 'ADL medium', kind: 'adl', level: 'medium' });
  rules.push({ name: 'regrouped', kind: 'regrouped' });
  rules.push({ name: 'stale 5', kind: 'stale', minutes: 5 });
  rules.push({ name: 'stale 15', kind: 'stale', minutes: 15 });
  return { webhooks: [{ name: 'bench', url, format: 'json' }], rules };
}

async function judging(quick: boolean, dir: string, log: Log) {
  const receiver = await startWebhookReceiver();
  const file = path.join(dir, 'rules.json');
  writeFileSync(file, JSON.stringify(twentyRules(receiver.url)));
  const h = await historyWithAlerts({
    settings: { historyDb: path.join(dir, 'judge.sqlite') },
    alertsFile: file,
  });
  const market = createMarket({ pools: POOLS, symbols: 6000, seed: 7 });
  const random = seededRandom(11);
  const judge: number[] = [];
  const whole: number[] = [];
  const runs = quick ? 15 : 60;
  const t0 = Date.now() - runs * 60_000;
  try {
    for (let i = 0; i < runs; i += 1) {
      stepMarket(market, random);
      const t = t0 + i * 60_000;
      await h.record(
        poolListOf(market, () => t),
        t,
      );
      const started = performance.now();
      await h.alerts.judgeNow();
      whole.push(performance.now() - started);
      judge.push(h.alerts.status().lastJudgeMs ?? NaN);
    }
  } finally {
    await h.close();
    await receiver.close();
  }
  // The first judgings read every window's high from the store; later ones keep them.
  const steady = (xs: number[]) => xs.slice(3);
  log(`alerts: judged ${runs} recordings of ${POOLS} pools with 20 rules`);
  return {
    judgeMedian: percentile(steady(judge), 50),
    judgeP95: percentile(steady(judge), 95),
    wholeP95: percentile(steady(whole), 95),
    notifications: receiver.received.length,
  };
}

async function fallToWebhook(quick: boolean, dir: string, log: Log) {
  let body = JSON.stringify([
    {
      symbols: ['BTCUSDT'],
      assets: [{ asset: 'USDT', marginBalance: '1000', updateTime: Date.now() }],
    },
  ]);
  const upstream = createServer((req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(req.url?.includes('assetIndex') ? JSON.stringify(demoIndexAt(Date.now())) : body);
  });
  await new Promise<void>((r) => upstream.listen(0, '127.0.0.1', r));
  const upstreamUrl = `http://127.0.0.1:${(upstream.address() as AddressInfo).port}`;
  const receiver = await startWebhookReceiver();
  const file = path.join(dir, 'fall.json');
  writeFileSync(
    file,
    JSON.stringify({
      webhooks: [{ name: 'bench', url: receiver.url, format: 'json' }],
      rules: [{ name: 'falls', kind: 'fall', percent: 5, within: '1h' }],
    }),
  );
  const config = {
    ...readConfig({}),
    upstream: upstreamUrl,
    cacheTtlMs: 0,
    recordEveryMs: 1_000,
    historyDb: path.join(dir, 'fall.sqlite'),
    alertsFile: file,
  };
  const proxy = createProxy({ upstream: upstreamUrl, cacheTtlMs: 0, log: () => undefined });
  const history = await loadHistory(config, proxy, () => undefined);
  const times: number[] = [];
  try {
    await new Promise((r) => setTimeout(r, 2_500));
    const rounds = quick ? 3 : 6;
    for (let i = 0; i < rounds; i += 1) {
      // Down 10 % (fires), then back (resolves): each a notification to wait for.
      const balance = i % 2 === 0 ? '900' : '1000';
      const before = receiver.received.length;
      const changedAt = Date.now();
      body = JSON.stringify([
        {
          symbols: ['BTCUSDT'],
          assets: [{ asset: 'USDT', marginBalance: balance, updateTime: changedAt }],
        },
      ]);
      const got = await receiver.waitFor(before + 1, 15_000);
      times.push(got[before]!.at - changedAt);
      await new Promise((r) => setTimeout(r, 1_200));
    }
  } finally {
    await history.close();
    await receiver.close();
    await new Promise<void>((r) => upstream.close(() => r()));
  }
  log(`alerts: ${times.length} notifications from an upstream change to the webhook`);
  return { maxMs: Math.max(...times), medianMs: percentile(times, 50) };
}

async function metricsLatency(quick: boolean, log: Log) {
  const market = createMarket({ pools: POOLS, symbols: 6000, seed: 5 });
  const now = Date.now();
  const pools = JSON.stringify(poolListOf(market, () => now));
  const index = JSON.stringify(demoIndexAt(now));
  const upstream = createServer((req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(req.url?.includes('assetIndex') ? index : pools);
  });
  await new Promise<void>((r) => upstream.listen(0, '127.0.0.1', r));
  const proxy = createProxy({
    upstream: `http://127.0.0.1:${(upstream.address() as AddressInfo).port}`,
    cacheTtlMs: 5_000,
    log: () => undefined,
  });
  const route = createMetricsRoute({ proxy });
  const server = createServer((req, res) => route(req, res, () => res.end()));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/metrics`;
  const times: number[] = [];
  let bytes = 0;
  try {
    for (let i = 0; i < (quick ? 50 : 200); i += 1) {
      const started = performance.now();
      bytes = (await (await fetch(url)).text()).length;
      times.push(performance.now() - started);
    }
  } finally {
    server.closeAllConnections();
    await new Promise<void>((r) => server.close(() => r()));
    await new Promise<void>((r) => upstream.close(() => r()));
  }
  log(`alerts: /metrics asked ${times.length} times at ${POOLS} pools`);
  return { p95Ms: percentile(times.slice(1), 95), bytes };
}

export const ALERT_TARGETS = { judgeMs: 10, fallToWebhookMs: 2_000, metricsP95Ms: 50 };

export async function alertsBench(
  quick: boolean,
  log: Log,
): Promise<{ rows: Row[]; figures: unknown }> {
  const dir = mkdtempSync(path.join(tmpdir(), 'bench-alerts-'));
  try {
    const j = await judging(quick, dir, log);
    const f = await fallToWebhook(quick, dir, log);
    const m = await metricsLatency(quick, log);
    const rows: Row[] = [
      {
        measure: `alerts: 20 rules judged on a recording of ${POOLS} pools (history thread), median`,
        result: ms(j.judgeMedian),
        target: `≤ ${ALERT_TARGETS.judgeMs} ms`,
        status: judge(j.judgeMedian <= ALERT_TARGETS.judgeMs),
        note: `p95 ${ms(j.judgeP95)}; with the store's reads and the episodes' writes, p95 ${ms(j.wholeP95)}; ${j.notifications} notifications sent`,
      },
      {
        measure: 'alerts: a recorded fall to the webhook’s receipt, FAPI_RECORD_EVERY=1, worst',
        result: ms(f.maxMs),
        target: `≤ ${ALERT_TARGETS.fallToWebhookMs} ms`,
        status: judge(f.maxMs <= ALERT_TARGETS.fallToWebhookMs),
        note: `from the upstream's change (so up to a recording interval of waiting), median ${ms(f.medianMs)}`,
      },
      {
        measure: `/metrics at ${POOLS} pools, p95`,
        result: ms(m.p95Ms),
        target: `≤ ${ALERT_TARGETS.metricsP95Ms} ms`,
        status: judge(m.p95Ms <= ALERT_TARGETS.metricsP95Ms),
        note: `${(m.bytes / 1000).toFixed(0)} kB an answer`,
      },
    ];
    return { rows, figures: { judging: j, fallToWebhook: f, metrics: m } };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** `npx tsx bench/alerts.ts [--quick]`: this part alone. */
if (import.meta.url === `file://${process.argv[1]}`) {
  const { printTable } = await import('./report.ts');
  const { rows } = await alertsBench(process.argv.includes('--quick'), (l) => console.log(l));
  console.log(printTable(rows));
  process.exit(0);
}
