import { DatabaseSync } from '@photostructure/sqlite';

/**
 * The writer role: at most one process (and one connection) records into a history file. The
 * role is a `BEGIN EXCLUSIVE` held on a small side database `<db>.lock` with no busy wait: SQLite
 * takes it as an OS file lock, which the OS drops when the process dies, even by `kill -9`, so a
 * crashed server never leaves a stale lock behind. SQLite also refuses it to a second connection
 * within the same process.
 */
export interface WriterLock {
  release(): void;
}

/** Takes the role, or returns `null` if another process or connection holds it. Throws when the lock file cannot be opened. */
export function tryWriterLock(dbPath: string): WriterLock | null {
  const lock = new DatabaseSync(`${dbPath}.lock`, { timeout: 0 });
  try {
    lock.exec('BEGIN EXCLUSIVE');
  } catch (error) {
    lock.close();
    if (isBusy(error)) return null;
    throw error;
  }
  // The connection must stay referenced: once collected, SQLite closes it and the lock is gone.
  return {
    release() {
      if (lock.isOpen) lock.close();
    },
  };
}

export function isBusy(error: unknown): boolean {
  const e = error as { errcode?: number; message?: string };
  return (
    (e.errcode !== undefined && (e.errcode & 0xff) === 5) ||
    /database is locked/.test(String(e.message))
  );
}
