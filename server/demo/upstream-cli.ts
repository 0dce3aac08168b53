/**
 * The demo upstream as a process of its own, for tests and the benchmark:
 *   tsx server/demo/upstream-cli.ts --port 4601 [--pools 40] [--symbols 500] [--step-ms 5000]
 */
import { parseArgs } from 'node:util';
import { startDemoUpstream } from './upstream.ts';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '4601' },
    host: { type: 'string', default: '127.0.0.1' },
    pools: { type: 'string' },
    symbols: { type: 'string' },
    'step-ms': { type: 'string' },
  },
});

function numberOption(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0)
    throw new Error(`--${name} takes a whole number, not ${value}`);
  return n;
}

const upstream = await startDemoUpstream({
  port: numberOption('port', values.port),
  host: values.host,
  pools: numberOption('pools', values.pools),
  symbols: numberOption('symbols', values.symbols),
  stepMs: numberOption('step-ms', values['step-ms']),
});
console.log(`demo upstream listening on ${upstream.url}`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    void upstream.close().then(() => process.exit(0));
  });
}
