import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { OUT_DIR } from '../playwright.config.ts';
import { startDemoUpstream, type DemoUpstream } from '../server/demo/upstream.ts';
import { findPostgres } from '../server/history/postgres/find-postgres.ts';
import { startTestCluster, type TestCluster } from '../server/history/postgres/test-cluster.ts';
import { serverOutDir } from '../server/render/server-bundle.ts';
import { expect, test } from './fixtures';

/**
 * Two production servers (the built dist-server/server.js, as `npm start` runs it) pointed at one
 * PostgreSQL database and recording the same upstream: they serve the same history, and each
 * snapshot's value is stored once, not once per server.
 */
const found = findPostgres();
if (!found.found && process.env.REQUIRE_POSTGRES === '1')
  throw new Error(`REQUIRE_POSTGRES=1, but PostgreSQL cannot be started: ${found.reason}`);

interface HistoryAnswer {
  series?: { asset: string; points: { t: number; balance: string }[] }[];
  coverage: [number, number][];
}

async function startServer(
  databaseUrl: string,
  upstream: string,
): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(
    process.execPath,
    [path.join(serverOutDir(path.resolve(OUT_DIR)), 'server.js'), '--port', '0'],
    {
      env: {
        ...process.env,
        DATABASE_URL: databaseUrl,
        FAPI_UPSTREAM: upstream,
        FAPI_RECORD_EVERY: '1',
        FAPI_CACHE_TTL: '1',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no start: ${output}`)), 30_000);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const at = /listening on (http:\/\/\S+?),/.exec(output)?.[1];
      if (at) {
        clearTimeout(timer);
        resolve(at);
      }
    };
    child.stdout!.on('data', read);
    child.stderr!.on('data', read);
    child.once('exit', () => reject(new Error(`exited: ${output}`)));
  });
  return { url, child };
}

test.describe('several servers, one history', () => {
  test.skip(!found.found, `PostgreSQL is not installed here: ${found.found ? '' : found.reason}`);
  let cluster: TestCluster | undefined;
  let upstream: DemoUpstream | undefined;
  const children: ChildProcess[] = [];
  test.afterAll(async () => {
    for (const child of children) child.kill('SIGTERM');
    await upstream?.close();
    cluster?.stop();
  });

  test('two npm start servers on one database serve identical history, each value stored once', async () => {
    test.setTimeout(120_000);
    cluster = await startTestCluster();
    const database = await cluster.createDatabase();
    upstream = await startDemoUpstream({ stepMs: 1000 });
    const [a, b] = await Promise.all([
      startServer(database, upstream.url),
      startServer(database, upstream.url),
    ]);
    children.push(a.child, b.child);
    const history = async (base: string) =>
      (await (await fetch(`${base}/api/history?symbol=BTCUSDT`)).json()) as HistoryAnswer;
    // Both record every second for a while. Until the first recording lands the answer is a 404
    // (the symbol was never seen), which has no series.
    await expect
      .poll(async () => (await history(a.url)).series?.[0]?.points.length ?? 0, {
        timeout: 30_000,
      })
      .toBeGreaterThanOrEqual(5);
    // Then the upstream stops moving, so both answers are read from the same stored history.
    await upstream.close();
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    const [fromA, fromB] = await Promise.all([history(a.url), history(b.url)]);
    expect(fromA.series?.length ?? 0).toBeGreaterThan(0);
    expect(fromA.series).toEqual(fromB.series);
    for (const series of fromA.series ?? []) {
      const times = series.points.map((p) => p.t);
      expect(new Set(times).size, `${series.asset}: one point per updateTime`).toBe(times.length);
    }
    expect(fromA.coverage).toEqual(fromB.coverage);
  });
});
