import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createProxy } from '../proxy/proxy.ts';
import { createMetrics } from './metrics.ts';
import { findPromtool, promtool } from './test-promtool.ts';

const read = (file: string) => readFileSync(new URL(`../../docs/${file}`, import.meta.url), 'utf8');

/** The metric names /metrics exposes (a counter's samples carry `_total`). */
async function exposed(): Promise<Set<string>> {
  const proxy = createProxy({
    upstream: 'http://127.0.0.1:9',
    cacheTtlMs: 0,
    log: () => undefined,
  });
  const metrics = createMetrics({ proxy });
  const all = await metrics.registry.getMetricsAsJSON();
  return new Set(
    all.map(
      (m) => m.name + (String(m.type) === 'counter' && !m.name.endsWith('_total') ? '_total' : ''),
    ),
  );
}

function metricsNamedIn(text: string): string[] {
  return [...new Set(text.match(/\binsurance_[a-z_]+\b/g) ?? [])];
}

describe('the shipped monitoring files', () => {
  it('a Grafana dashboard that parses and asks only for metrics /metrics exposes', async () => {
    const dashboard = JSON.parse(read('grafana/dashboard.json')) as {
      panels: { targets: { expr: string }[] }[];
      templating: { list: { query?: unknown }[] };
    };
    const exprs = [
      ...dashboard.panels.flatMap((p) => p.targets.map((t) => t.expr)),
      ...dashboard.templating.list.map((v) => String(v.query ?? '')),
    ];
    const names = metricsNamedIn(exprs.join('\n'));
    expect(names.length).toBeGreaterThan(5);
    const known = await exposed();
    expect(names.filter((n) => !known.has(n))).toEqual([]);
  });

  it('alerting rules that ask only for metrics /metrics exposes', async () => {
    const known = await exposed();
    const names = metricsNamedIn(read('prometheus/rules.yml'));
    expect(names.filter((n) => !known.has(n))).toEqual([]);
    expect(names).toEqual(
      expect.arrayContaining(['insurance_fund_balance', 'insurance_adl_rating']),
    );
  });

  const tool = findPromtool();
  it.skipIf(!tool.found)('alerting rules promtool accepts, and whose unit tests pass', () => {
    const dir = new URL('../../docs/prometheus/', import.meta.url).pathname;
    const check = promtool(['check', 'rules', `${dir}rules.yml`]);
    expect(check.output).toContain('SUCCESS: 6 rules found');
    expect(check.status).toBe(0);
    const test = promtool(['test', 'rules', `${dir}rules.test.yml`]);
    expect(test.output).toContain('SUCCESS');
    expect(test.status).toBe(0);
  });
});
