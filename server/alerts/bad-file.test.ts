import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readConfig } from '../config.ts';
import { loadHistory } from '../history-wiring.ts';
import { startServer, type RunningServer } from '../main.ts';
import { startStandIn, type StandIn } from '../proxy/test-servers.ts';
import { findPromtool, promtool } from '../metrics/test-promtool.ts';
import { rulesFile } from './test-history.ts';

const promtoolFound = findPromtool().found;

let running: RunningServer | undefined;
let upstream: StandIn | undefined;
afterEach(async () => {
  await running?.close();
  await upstream?.close();
});

const POOLS =
  '[{"symbols":["BTCUSDT"],"assets":[{"asset":"USDT","marginBalance":"1.5","updateTime":10}]}]';

describe('a rules file the server cannot use', () => {
  it('is named by its field in the log, /api/health and /api/alerts, and the server keeps serving, /metrics too', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'alerts-bad-'));
    mkdirSync(path.join(dir, 'build'));
    writeFileSync(path.join(dir, 'build', 'index.html'), '<!doctype html><div id="root"></div>');
    const file = rulesFile({
      webhooks: [{ name: 'chat', url: 'https://hooks.example.com/SECRET', format: 'slack' }],
      rules: [{ name: 'Falls', kind: 'fall', percent: 150, within: '1h' }],
    });
    upstream = await startStandIn();
    upstream.answer(() => ({ status: 200, body: POOLS }));
    const lines: string[] = [];
    const log = (l: string) => lines.push(l);
    const config = {
      ...readConfig({}),
      upstream: upstream.url,
      historyDb: path.join(dir, 'history.sqlite'),
      recordEveryMs: 0,
      alertsFile: file,
    };
    running = await startServer({
      clientOutDir: path.join(dir, 'build'),
      port: 0,
      config,
      log,
      history: (proxy) => loadHistory(config, proxy, log),
    });

    const pools = await fetch(`${running.url}/fapi/v1/insuranceBalance`);
    expect(pools.status).toBe(200);
    expect(await pools.text()).toBe(POOLS);

    const health = (await (await fetch(`${running.url}/api/health`)).json()) as {
      status: string;
      history: { alerts: unknown };
    };
    expect(health.status).toBe('degraded');
    expect(health.history.alerts).toMatchObject({
      state: 'degraded',
      problem: { field: 'rules[0].percent', message: 'must be below 100' },
    });
    const alerts = await fetch(`${running.url}/api/alerts`);
    expect(alerts.status).toBe(200);
    const body = await alerts.text();
    expect(JSON.parse(body)).toEqual({
      rules: [],
      active: [],
      recent: [],
      problem: { field: 'rules[0].percent', message: 'must be below 100' },
    });
    for (const text of [body, JSON.stringify(health)]) {
      expect(text).not.toContain('SECRET');
      expect(text).not.toContain(file);
    }
    expect(lines.join('\n')).toContain(
      `${file} cannot be used: rules[0].percent must be below 100`,
    );

    const metrics = await fetch(`${running.url}/metrics`);
    expect(metrics.headers.get('content-type')).toMatch(/^text\/plain/);
    const text = await metrics.text();
    expect(text).toContain('insurance_fund_balance{pool="BTC",asset="USDT"} 1.5');
    if (promtoolFound)
      expect(promtool(['check', 'metrics'], text)).toEqual({ status: 0, output: '' });
  }, 30_000);
});
