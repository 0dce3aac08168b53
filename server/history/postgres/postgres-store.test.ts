import { runStoreSuite } from '../test-store-suite.ts';
import { openPostgresAdapter } from './postgres-adapter.ts';
import { describeWithPostgres } from './test-with-postgres.ts';

describeWithPostgres('the shared store suite on PostgreSQL', (cluster) => {
  runStoreSuite('postgres', async () =>
    openPostgresAdapter({ url: await cluster().createDatabase() }),
  );
});
