import { execFileSync, spawnSync } from 'node:child_process';
import {
  appendFileSync,
  chownSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { findPostgres } from './find-postgres.ts';

/**
 * A throwaway PostgreSQL server for tests, benches and end-to-end specs: its own data folder in a
 * temporary directory, listening on 127.0.0.1 at a free port (and on a socket in that folder),
 * trust authentication, fsync off unless `durable` (nothing here must survive a power cut). `stop()` ends it and
 * deletes the folder; a process that exits without calling it still ends the server.
 */
export interface TestCluster {
  host: string;
  port: number;
  /** `postgres://postgres@127.0.0.1:<port>/<database>`. */
  url(database?: string): string;
  /** A new empty database (owned by `owner`, default the superuser); resolves to its URL as the superuser. */
  createDatabase(options?: { name?: string; owner?: string }): Promise<string>;
  /** Stops the server and keeps its data, to play the database going away. */
  pause(): void;
  /** Starts it again on the same port, with its data. */
  resume(): void;
  /** Requires a password of `user` on 127.0.0.1 (scram-sha-256) from now on. */
  requirePassword(user: string, password: string): Promise<void>;
  stop(): void;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

let counter = 0;

export interface ClusterOptions {
  /** Keep fsync and synchronous commits on, as a production server has them (benchmarks). */
  durable?: boolean;
}

export async function startTestCluster(options: ClusterOptions = {}): Promise<TestCluster> {
  const pgFound = findPostgres();
  if (!pgFound.found) throw new Error(pgFound.reason);
  const { bin, runAs } = pgFound;
  const dir = mkdtempSync(join(tmpdir(), 'history-pg-'));
  if (runAs) {
    const uid = Number(execFileSync('id', ['-u', runAs], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', runAs], { encoding: 'utf8' }).trim());
    chownSync(dir, uid, gid);
  }
  const data = join(dir, 'data');
  const logFile = join(dir, 'server.log');
  const run = (tool: string, args: string[]) => {
    const [cmd, argv] = runAs
      ? ['runuser', ['-u', runAs, '--', join(bin, tool), ...args]]
      : [join(bin, tool), args];
    const r = spawnSync(cmd, argv, { encoding: 'utf8', timeout: 60_000 });
    if (r.status !== 0) {
      let tail = '';
      try {
        tail = readFileSync(logFile, 'utf8').split('\n').slice(-15).join('\n');
      } catch {
        // No server log yet: initdb failed before it.
      }
      throw new Error(`${tool} failed (${r.status ?? r.signal}): ${r.stderr || r.stdout}\n${tail}`);
    }
  };
  run('initdb', [
    '-D',
    data,
    '-U',
    'postgres',
    '-A',
    'trust',
    '-E',
    'UTF8',
    '--no-sync',
    '--no-instructions',
  ]);
  const fast = 'fsync = off\nsynchronous_commit = off\nfull_page_writes = off\n';
  appendFileSync(
    join(data, 'postgresql.conf'),
    `\n${options.durable ? '' : fast}max_connections = 100\nunix_socket_permissions = 0777\n`,
  );
  const port = await freePort();
  const serverOptions = `-k ${dir} -h 127.0.0.1 -p ${port}`;
  const start = () =>
    run('pg_ctl', ['start', '-D', data, '-l', logFile, '-w', '-t', '60', '-o', serverOptions]);
  let running = false;
  const halt = () => {
    if (!running) return;
    running = false;
    run('pg_ctl', ['stop', '-D', data, '-m', 'fast', '-w', '-t', '30']);
  };
  const cleanUp = () => {
    try {
      halt();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };
  start();
  running = true;
  process.once('exit', cleanUp);
  const host = '127.0.0.1';
  const url = (database = 'postgres') => `postgres://postgres@${host}:${port}/${database}`;

  async function admin(sql: string) {
    const client = new pg.Client({ connectionString: url() });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  }

  return {
    host,
    port,
    url,
    async createDatabase({
      name = `history_${process.pid}_${(counter += 1)}`,
      owner = 'postgres',
    } = {}) {
      await admin(`CREATE DATABASE "${name}" OWNER "${owner}"`);
      return url(name);
    },
    pause: halt,
    resume() {
      if (running) return;
      start();
      running = true;
    },
    async requirePassword(user, password) {
      await admin(`CREATE ROLE "${user}" LOGIN PASSWORD '${password.replace(/'/g, "''")}'`);
      const hba = join(data, 'pg_hba.conf');
      writeFileSync(
        hba,
        `host all "${user}" 127.0.0.1/32 scram-sha-256\n${readFileSync(hba, 'utf8')}`,
      );
      await admin('SELECT pg_reload_conf()');
    },
    stop() {
      process.removeListener('exit', cleanUp);
      cleanUp();
    },
  };
}
