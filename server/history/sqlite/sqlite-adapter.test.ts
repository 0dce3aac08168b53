import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { runStoreSuite } from '../test-store-suite.ts';
import { openSqliteAdapter } from './sqlite-adapter.ts';

const dir = mkdtempSync(join(tmpdir(), 'history-sqlite-'));
let n = 0;
afterAll(() => rmSync(dir, { recursive: true, force: true }));

runStoreSuite('SQLite', async () => openSqliteAdapter({ path: join(dir, `h${(n += 1)}.sqlite`) }));
