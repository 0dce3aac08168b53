import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { DatabaseSync } from '@photostructure/sqlite';
import { MIGRATIONS } from './migrations.ts';

const HEADER = 'SQLite format 3\0';

export type FileCheck =
  | { kind: 'absent' | 'sqlite' }
  | { kind: 'newer'; version: number }
  | { kind: 'not-sqlite' | 'corrupt'; detail: string };

/**
 * What the history file is, looked at without writing a byte: its header, then its schema read
 * through a read-only connection. A file that is not ours is never opened for writing.
 */
export function inspectFile(path: string): FileCheck {
  let size: number;
  try {
    size = statSync(path).size;
  } catch {
    return { kind: 'absent' };
  }
  if (size === 0) return { kind: 'absent' };
  const head = Buffer.alloc(16);
  try {
    const fd = openSync(path, 'r');
    try {
      readSync(fd, head, 0, 16, 0);
    } finally {
      closeSync(fd);
    }
  } catch (error) {
    return { kind: 'corrupt', detail: (error as Error).message };
  }
  if (size < 100 || head.toString('latin1') !== HEADER)
    return { kind: 'not-sqlite', detail: 'no SQLite header' };
  try {
    const db = new DatabaseSync(path, { readOnly: true, timeout: 5_000 });
    try {
      db.prepare('SELECT count(*) FROM sqlite_schema').get();
      const { user_version: version } = db.prepare('PRAGMA user_version').get() as {
        user_version: number;
      };
      if (version > MIGRATIONS.length) return { kind: 'newer', version };
    } finally {
      db.close();
    }
  } catch (error) {
    return { kind: 'corrupt', detail: (error as Error).message };
  }
  return { kind: 'sqlite' };
}
