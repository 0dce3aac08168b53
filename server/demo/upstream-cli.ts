/**
 * The demo upstream as a process of its own, for tests and the benchmark:
 *   tsx server/demo/upstream-cli.ts --port 4601 [--pools 40] [--symbols 500] [--step-ms 5000]
 *     [--seed-history data/e2e-history.sqlite]
 * With `--seed-history`, 30 days of generated history are written to that (new) SQLite file
 * first, and the market goes on from where that history ends: a server given the file as its
 * HISTORY_DB shows a past that joins the live demo.
 */
import { rmSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { demoHistory } from '../history-wiring.ts';
import { startDemoUpstream } from './upstream.ts';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '4601' },
    host: { type: 'string', default: '127.0.0.1' },
    pools: { type: 'string' },
    symbols: { type: 'string' },
    'step-ms': { type: 'string' },
    'seed-history': { type: 'string' },
  },
});

function numberOption(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0)
    throw new Error(`--${name} takes a whole number, not ${value}`);
  return n;
}

async function seededMarket(file: string | undefined) {
  if (file === undefined) return undefined;
  for (const suffix of ['', '-wal', '-shm', '.lock']) rmSync(`${file}${suffix}`, { force: true });
  // Generated in the history's worker, as the demo server does; nothing recorded after it.
  const seeded = await demoHistory({ recordEveryMs: 0 }, (line) => console.log(line), file);
  await seeded.thread.filled;
  await seeded.thread.close();
  return seeded.market;
}

const market = await seededMarket(values['seed-history']);
const upstream = await startDemoUpstream({
  ...(market ? { market } : {}),
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
