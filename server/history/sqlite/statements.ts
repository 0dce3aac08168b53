import type {
  DatabaseSyncInstance as DatabaseSync,
  StatementSyncInstance as StatementSync,
} from '@photostructure/sqlite';

/**
 * Prepared statements, each prepared once on first use and kept. Lazily: a reader may open a
 * file whose writer has not created the tables yet, and must not fail before it asks anything.
 */
export function statementCache(db: DatabaseSync) {
  const cache = new Map<string, StatementSync>();
  return {
    get(sql: string, arrays = false): StatementSync {
      const key = arrays ? `A${sql}` : sql;
      let s = cache.get(key);
      if (!s) {
        s = db.prepare(sql);
        if (arrays) s.setReturnArrays(true);
        cache.set(key, s);
      }
      return s;
    },
  };
}
export type Statements = ReturnType<typeof statementCache>;

/** A list of integers for `IN (SELECT value FROM json_each(?))`: one statement whatever the length. */
export function idList(ids: readonly number[]): string {
  return JSON.stringify(ids);
}
