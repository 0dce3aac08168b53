/**
 * A recorder in a loop, for the crash test: records snapshot after snapshot into the file given
 * as argument and prints `ok <observedAt>` once each write has been acknowledged (committed).
 */
import { pool } from '../test-store-suite.ts';
import { recordSnapshot } from '../record-snapshot.ts';
import { openSqliteAdapter } from './sqlite-adapter.ts';

const store = openSqliteAdapter({ path: process.argv[2]! });
for (let i = 0; i < 100_000; i += 1) {
  const t = 1_000_000 + i * 60_000;
  const pools = Array.from({ length: 40 }, (_, p) =>
    pool([`P${p}USDT`], ['USDT', `${1000 + i}.${p}`, t]),
  );
  await store.write((tx) => recordSnapshot(tx, { observedAt: t, pools }, 180_000));
  process.stdout.write(`ok ${t}\n`);
}
