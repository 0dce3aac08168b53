import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Where the PostgreSQL server binaries are, and as whom to run them. PostgreSQL refuses to run
 * as root, so as root the binaries run as the `postgres` account (made by the Debian package),
 * through `runuser`; any other user runs them directly.
 */
export type PostgresBinaries =
  | { found: true; bin: string; version: number; runAs: string | null }
  | { found: false; reason: string };

const ROOTS = ['/usr/lib/postgresql'];

function candidates(): { bin: string; version: number }[] {
  if (process.env.PG_BIN) return [{ bin: process.env.PG_BIN, version: 0 }];
  const out: { bin: string; version: number }[] = [];
  for (const root of ROOTS) {
    if (!existsSync(root)) continue;
    for (const v of readdirSync(root))
      if (/^\d+$/.test(v)) out.push({ bin: join(root, v, 'bin'), version: Number(v) });
  }
  // 15 first (the version the machine image and CI install), then the newest.
  return out.sort(
    (a, b) => (b.version === 15 ? 1 : 0) - (a.version === 15 ? 1 : 0) || b.version - a.version,
  );
}

export function findPostgres(): PostgresBinaries {
  const found = candidates().find(
    (c) => existsSync(join(c.bin, 'initdb')) && existsSync(join(c.bin, 'pg_ctl')),
  );
  if (!found)
    return {
      found: false,
      reason: `no PostgreSQL server binaries (initdb, pg_ctl) under ${ROOTS.join(', ')}/<version>/bin; install the Debian package postgresql, or set PG_BIN`,
    };
  if (process.getuid?.() !== 0) return { found: true, ...found, runAs: null };
  const account = spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' });
  if (account.status !== 0)
    return {
      found: false,
      reason: 'running as root, and there is no postgres account to run PostgreSQL as',
    };
  return { found: true, ...found, runAs: 'postgres' };
}
