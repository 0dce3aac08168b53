/**
 * A throwaway PostgreSQL server for trying several servers on one database by hand, or for an
 * end-to-end spec that starts it as a process:
 *
 *   npx tsx server/history/postgres/test-cluster-cli.ts
 *
 * prints `DATABASE_URL=postgres://postgres@127.0.0.1:<port>/history` once it answers, and on
 * SIGINT or SIGTERM stops the server and deletes its data.
 */
import { startTestCluster } from './test-cluster.ts';

const cluster = await startTestCluster();
const url = await cluster.createDatabase({ name: 'history' });
process.stdout.write(`DATABASE_URL=${url}\n`);
const stop = () => {
  cluster.stop();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
setInterval(() => undefined, 1 << 30);
