import { afterAll, beforeAll, describe } from 'vitest';
import { findPostgres } from './find-postgres.ts';
import { startTestCluster, type TestCluster } from './test-cluster.ts';

/**
 * A `describe` whose tests run against a throwaway PostgreSQL server started for them. Where
 * PostgreSQL is not installed the block is skipped with a note saying so, unless
 * `REQUIRE_POSTGRES=1` (CI), where that is a failure: CI must never pass without running them.
 */
export function describeWithPostgres(name: string, body: (cluster: () => TestCluster) => void) {
  const found = findPostgres();
  if (!found.found) {
    if (process.env.REQUIRE_POSTGRES === '1')
      throw new Error(`REQUIRE_POSTGRES=1, but PostgreSQL cannot be started: ${found.reason}`);
    console.warn(`PostgreSQL tests did not run (${name}): ${found.reason}`);
  }
  describe.skipIf(!found.found)(name, () => {
    let cluster: TestCluster | undefined;
    beforeAll(async () => {
      cluster = await startTestCluster();
    }, 120_000);
    afterAll(() => cluster?.stop());
    body(() => {
      if (!cluster) throw new Error('the PostgreSQL test server did not start');
      return cluster;
    });
  });
}
